package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.model.labels.LabelSelector;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which tenants a Namespace or peer-tenant event can affect, so that only those are reconciled
 * again (with 1000 tenants, waking every tenant on every event made each status write cost 999
 * reconciles).
 *
 * <p>A tenant's result depends on a namespace X only when it selects X (by name or by label) or
 * owns it; and on a peer only through the namespaces the peer owns or selects (which of them it
 * keeps, which are in conflict). So a namespace event wakes the tenants that list it, own it, or
 * whose selector matches its labels now or before the change (a tenant that lost the namespace must
 * drop it, also from a conflict message); a peer event wakes, when the peer's claims changed, the
 * tenants that select or own a namespace it claims now or claimed before. The previous labels and
 * claims are remembered here, because an event carries only the new object.
 *
 * <p>Lookups use indexes of the tenant cache ({@link #indexers}): by listed namespace, by resolved
 * namespace, and the tenants that have a label selector at all.
 */
final class TenantWakeups {

  static final String BY_LISTED_NAMESPACE = "listed-namespace";
  static final String BY_RESOLVED_NAMESPACE = "resolved-namespace";
  static final String BY_SELECTOR = "has-namespace-selector";
  private static final String SELECTOR_KEY = "yes";

  /** What a peer claims: the namespaces it owns or selects, and whether it is being deleted. */
  record Claims(boolean deleting, SortedSet<String> namespaces) {
    static final Claims NONE = new Claims(false, new TreeSet<>());
  }

  /**
   * What the last event about an object said ({@code state}: a namespace's labels, a peer's claims)
   * and whom it woke. JOSDK may map the same event more than once; asked again about the same
   * version, the answer is the same.
   */
  private record Seen<S>(String version, S state, Set<ResourceID> woken) {}

  private final IndexedResourceCache<TelemetryTenant> tenants;
  private final Function<String, Optional<Namespace>> namespace;
  private final Supplier<Collection<Namespace>> namespaces;
  private final Predicate<String> peerExists;
  private final Map<String, Seen<Map<String, String>>> lastLabels = new ConcurrentHashMap<>();
  private final Map<String, Seen<Claims>> lastClaims = new ConcurrentHashMap<>();

  /**
   * @param tenants the reconciled tenants, with the {@link #indexers}
   * @param namespace a namespace by name, from the namespace cache
   * @param namespaces every namespace, from the namespace cache
   * @param peerExists whether a tenant of that name exists, from the peer-tenant cache (which
   *     already lost a deleted tenant when the event about it arrives)
   */
  TenantWakeups(
      IndexedResourceCache<TelemetryTenant> tenants,
      Function<String, Optional<Namespace>> namespace,
      Supplier<Collection<Namespace>> namespaces,
      Predicate<String> peerExists) {
    this.tenants = tenants;
    this.namespace = namespace;
    this.namespaces = namespaces;
    this.peerExists = peerExists;
  }

  /** The indexes this class looks tenants up with; add them to the tenant cache. */
  static Map<String, Function<TelemetryTenant, List<String>>> indexers() {
    return Map.of(
        BY_LISTED_NAMESPACE,
        t ->
            t.getSpec() == null || t.getSpec().getNamespaces() == null
                ? List.of()
                : t.getSpec().getNamespaces(),
        BY_RESOLVED_NAMESPACE,
        t ->
            t.getStatus() == null || t.getStatus().getResolvedNamespaces() == null
                ? List.of()
                : t.getStatus().getResolvedNamespaces(),
        BY_SELECTOR,
        t ->
            t.getSpec() != null
                    && NamespaceResolver.toLabelSelector(t.getSpec().getNamespaceSelector())
                        .isPresent()
                ? List.of(SELECTOR_KEY)
                : List.of());
  }

  /** The tenants an event about {@code ns} (created, changed or deleted) can affect. */
  Set<ResourceID> forNamespace(Namespace ns) {
    String name = ns.getMetadata().getName();
    String version = ns.getMetadata().getResourceVersion();
    boolean exists = namespace.apply(name).isPresent();
    Seen<Map<String, String>> seen = lastLabels.get(name);
    if (exists && seen != null && version != null && version.equals(seen.version())) {
      return seen.woken();
    }
    Map<String, String> labels = labels(ns);
    Set<ResourceID> out = new HashSet<>();
    addSelecting(name, labels, out);
    if (seen != null && !seen.state().equals(labels)) {
      addSelecting(name, seen.state(), out);
    }
    if (exists) {
      lastLabels.put(name, new Seen<>(version, labels, Set.copyOf(out)));
    } else {
      lastLabels.remove(name); // deleted: forget it
    }
    return out;
  }

  /**
   * The tenants an event about peer {@code peer} can affect: none when what it claims did not
   * change (most peer events are status writes that change nothing of that).
   */
  Set<ResourceID> forPeer(TelemetryTenant peer) {
    String name = peer.getMetadata().getName();
    String version = peer.getMetadata().getResourceVersion();
    boolean gone = !peerExists.test(name);
    Seen<Claims> seen = lastClaims.get(name);
    if (!gone && seen != null && version != null && version.equals(seen.version())) {
      return seen.woken();
    }
    Claims now = gone ? Claims.NONE : claims(peer);
    Claims before = seen == null ? null : seen.state();
    Set<ResourceID> out = new HashSet<>();
    if (!Objects.equals(before, now)) {
      SortedSet<String> affected = new TreeSet<>(now.namespaces());
      if (before != null) {
        affected.addAll(before.namespaces());
      }
      for (String ns : affected) {
        addSelecting(ns, namespace.apply(ns).map(TenantWakeups::labels).orElse(null), out);
      }
      out.remove(ResourceID.fromResource(peer));
    }
    if (gone) {
      lastClaims.remove(name);
    } else {
      lastClaims.put(name, new Seen<>(version, now, Set.copyOf(out)));
    }
    return out;
  }

  /**
   * The namespaces {@code t} lists, owns, or whose labels its selector matches. A superset of what
   * the resolver would select is fine here (it only wakes a tenant more), and it spares matching
   * every namespace for the many tenants that have no selector.
   */
  private Claims claims(TelemetryTenant t) {
    SortedSet<String> ns = new TreeSet<>();
    if (t.getSpec() != null && t.getSpec().getNamespaces() != null) {
      ns.addAll(t.getSpec().getNamespaces());
    }
    Optional<LabelSelector> selector =
        t.getSpec() == null
            ? Optional.empty()
            : NamespaceResolver.toLabelSelector(t.getSpec().getNamespaceSelector());
    if (selector.isPresent()) {
      for (Namespace n : namespaces.get()) {
        if (selector.get().matches(labels(n))) {
          ns.add(n.getMetadata().getName());
        }
      }
    }
    if (t.getStatus() != null && t.getStatus().getResolvedNamespaces() != null) {
      ns.addAll(t.getStatus().getResolvedNamespaces());
    }
    return new Claims(t.getMetadata().getDeletionTimestamp() != null, ns);
  }

  /**
   * Adds the tenants that list {@code ns}, own it, or whose selector matches {@code labels} (null
   * when the namespace does not exist).
   */
  private void addSelecting(String ns, Map<String, String> labels, Set<ResourceID> out) {
    tenants.byIndex(BY_LISTED_NAMESPACE, ns).forEach(t -> out.add(ResourceID.fromResource(t)));
    tenants.byIndex(BY_RESOLVED_NAMESPACE, ns).forEach(t -> out.add(ResourceID.fromResource(t)));
    if (labels != null) {
      for (TelemetryTenant t : tenants.byIndex(BY_SELECTOR, SELECTOR_KEY)) {
        if (NamespaceResolver.toLabelSelector(t.getSpec().getNamespaceSelector())
            .map(s -> s.matches(labels))
            .orElse(false)) {
          out.add(ResourceID.fromResource(t));
        }
      }
    }
  }

  private static Map<String, String> labels(Namespace ns) {
    return ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
  }
}
