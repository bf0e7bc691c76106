package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which tenant owns a namespace several tenants select. A namespace already in a tenant's
 * {@code status.resolvedNamespaces} stays with that tenant (so a newcomer never changes anything of
 * an existing tenant); otherwise the oldest selecting tenant (creation time, then name) gets it.
 */
public final class NamespaceClaims {

  /** The namespaces a tenant gets, and the ones it selects but another tenant owns. */
  public record Result(SortedSet<String> owned, SortedMap<String, String> conflicts) {}

  /** Oldest first: creation time, then name. */
  static final Comparator<TelemetryTenant> AGE =
      Comparator.comparing(
              (TelemetryTenant t) ->
                  Optional.ofNullable(t.getMetadata().getCreationTimestamp()).orElse("~"))
          .thenComparing(t -> t.getMetadata().getName());

  private NamespaceClaims() {}

  /**
   * Splits the namespaces {@code tenant} selects into owned ones and conflicts (namespace → owning
   * tenant).
   */
  public static Result resolve(
      TelemetryTenant tenant,
      SortedSet<String> selected,
      Collection<TelemetryTenant> allTenants,
      Collection<Namespace> namespaces) {
    return resolve(tenant, selected, allTenants, namespaces, NamespaceSafety.KUBE_ONLY);
  }

  /**
   * As {@link #resolve(TelemetryTenant, SortedSet, Collection, Collection)}, peers resolved with
   * {@code safety}.
   */
  public static Result resolve(
      TelemetryTenant tenant,
      SortedSet<String> selected,
      Collection<TelemetryTenant> allTenants,
      Collection<Namespace> namespaces,
      NamespaceSafety safety) {
    SortedSet<String> owned = new TreeSet<>();
    SortedMap<String, String> conflicts = new TreeMap<>();
    for (String ns : selected) {
      String owner = owner(ns, tenant, allTenants, namespaces, safety);
      if (owner.equals(tenant.getMetadata().getName())) {
        owned.add(ns);
      } else {
        conflicts.put(ns, owner);
      }
    }
    return new Result(owned, conflicts);
  }

  private static String owner(
      String ns,
      TelemetryTenant self,
      Collection<TelemetryTenant> all,
      Collection<Namespace> namespaces,
      NamespaceSafety safety) {
    Optional<TelemetryTenant> holder =
        all.stream()
            .filter(t -> t.getMetadata().getDeletionTimestamp() == null)
            .filter(
                t ->
                    t.getStatus() != null
                        && t.getStatus().getResolvedNamespaces() != null
                        && t.getStatus().getResolvedNamespaces().contains(ns))
            .min(AGE);
    if (holder.isPresent()) {
      return holder.get().getMetadata().getName();
    }
    // Whether another tenant selects ns depends on that one namespace only: matching each tenant
    // against every namespace made this quadratic in the cluster's size.
    List<Namespace> only =
        namespaces.stream().filter(n -> n.getMetadata().getName().equals(ns)).toList();
    return all.stream()
        .filter(t -> t.getMetadata().getDeletionTimestamp() == null)
        .filter(
            t ->
                t.getMetadata().getName().equals(self.getMetadata().getName())
                    || !NamespaceResolver.resolve(t.getSpec(), only, safety).isEmpty())
        .min(AGE)
        .map(t -> t.getMetadata().getName())
        .orElse(self.getMetadata().getName());
  }

  /** Sorted-map view used in messages: {@code ns (owned by tenant), ...}. */
  static String describe(Map<String, String> conflicts) {
    StringBuilder sb = new StringBuilder();
    conflicts.forEach(
        (ns, owner) ->
            sb.append(sb.isEmpty() ? "" : ", ")
                .append(ns)
                .append(" (owned by tenant ")
                .append(owner)
                .append(')'));
    return sb.toString();
  }
}
