package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A namespace or peer-tenant event wakes only the tenants it can affect: those listing, owning or
 * selecting (by the labels before or after) the namespace; a peer's status write that changes
 * nothing of what it claims wakes nobody.
 */
class TenantWakeupsTest {

  /** The tenant cache with the wakeups' indexes, over a plain map. */
  static final class Tenants implements IndexedResourceCache<TelemetryTenant> {
    final Map<String, TelemetryTenant> byName = new LinkedHashMap<>();

    void put(TelemetryTenant t) {
      byName.put(t.getMetadata().getName(), t);
    }

    @Override
    public List<TelemetryTenant> byIndex(String index, String key) {
      return byName.values().stream()
          .filter(t -> TenantWakeups.indexers().get(index).apply(t).contains(key))
          .toList();
    }

    @Override
    public Optional<TelemetryTenant> get(ResourceID id) {
      return Optional.ofNullable(byName.get(id.getName()));
    }

    @Override
    public Stream<ResourceID> keys() {
      return byName.keySet().stream().map(ResourceID::new);
    }

    @Override
    public Stream<TelemetryTenant> list(Predicate<TelemetryTenant> p) {
      return byName.values().stream().filter(p);
    }

    @Override
    public Stream<TelemetryTenant> list(String namespace, Predicate<TelemetryTenant> p) {
      return list(p);
    }
  }

  final Tenants tenants = new Tenants();
  final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  TenantWakeups wakeups;

  @BeforeEach
  void setUp() {
    wakeups =
        new TenantWakeups(
            tenants,
            name -> Optional.ofNullable(namespaces.get(name)),
            namespaces::values,
            tenants.byName::containsKey);
  }

  static Namespace ns(String name, Map<String, String> labels) {
    return ns(name, labels, "1");
  }

  static Namespace ns(String name, Map<String, String> labels, String version) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withResourceVersion(version)
        .endMetadata()
        .build();
  }

  void exists(Namespace ns) {
    namespaces.put(ns.getMetadata().getName(), ns);
  }

  static TelemetryTenant tenant(String name, List<String> listed, Map<String, String> selector) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(listed);
    if (selector != null) {
      NamespaceSelector s = new NamespaceSelector();
      s.setMatchLabels(selector);
      spec.setNamespaceSelector(s);
    }
    t.setSpec(spec);
    return t;
  }

  static TelemetryTenant owning(TelemetryTenant t, String... namespaces) {
    TelemetryTenantStatus status = new TelemetryTenantStatus();
    status.setResolvedNamespaces(List.of(namespaces));
    t.setStatus(status);
    return t;
  }

  static Set<String> names(Set<ResourceID> ids) {
    return ids.stream().map(ResourceID::getName).collect(Collectors.toSet());
  }

  @Test
  void aNamespaceEventWakesOnlyTheTenantsThatListOwnOrSelectIt() {
    tenants.put(tenant("lists", List.of("shop"), null));
    tenants.put(owning(tenant("owns", List.of(), Map.of("team", "old")), "shop"));
    tenants.put(tenant("selects", List.of(), Map.of("team", "shop")));
    tenants.put(tenant("other-label", List.of(), Map.of("team", "payments")));
    tenants.put(owning(tenant("elsewhere", List.of("payments"), null), "payments"));
    Namespace shop = ns("shop", Map.of("team", "shop"));
    exists(shop);

    assertThat(names(wakeups.forNamespace(shop)))
        .containsExactlyInAnyOrder("lists", "owns", "selects");
  }

  @Test
  void aLabelChangeWakesTheTenantsSelectingItBeforeAndAfter() {
    tenants.put(tenant("was", List.of(), Map.of("team", "shop")));
    tenants.put(tenant("now", List.of(), Map.of("team", "payments")));
    tenants.put(tenant("never", List.of(), Map.of("team", "platform")));
    Namespace before = ns("apps", Map.of("team", "shop"));
    exists(before);
    assertThat(names(wakeups.forNamespace(before))).containsExactly("was");

    Namespace after = ns("apps", Map.of("team", "payments"), "2");
    exists(after);
    assertThat(names(wakeups.forNamespace(after))).containsExactlyInAnyOrder("was", "now");
    // JOSDK may map one event twice: the same version gets the same answer.
    assertThat(names(wakeups.forNamespace(after))).containsExactlyInAnyOrder("was", "now");
    // A later version with the same labels (an annotation changed): only the current selector.
    Namespace annotated = ns("apps", Map.of("team", "payments"), "3");
    exists(annotated);
    assertThat(names(wakeups.forNamespace(annotated))).containsExactly("now");
  }

  @Test
  void aDeletedNamespaceWakesWhoHadItAndIsForgotten() {
    tenants.put(tenant("selects", List.of(), Map.of("team", "shop")));
    Namespace shop = ns("shop", Map.of("team", "shop"));
    exists(shop);
    wakeups.forNamespace(shop);
    namespaces.remove("shop");
    assertThat(names(wakeups.forNamespace(shop))).containsExactly("selects");
  }

  @Test
  void aPeerStatusWriteThatChangesNoClaimWakesNobody() {
    exists(ns("shop", Map.of()));
    exists(ns("payments", Map.of()));
    TelemetryTenant rival = tenant("rival", List.of("shop"), null);
    tenants.put(rival);
    tenants.put(tenant("payments", List.of("payments"), null));
    TelemetryTenant peer = owning(tenant("peer", List.of("shop"), null), "shop");
    tenants.put(peer);

    peer.getMetadata().setResourceVersion("1");
    assertThat(names(wakeups.forPeer(peer))).as("first sight").containsExactly("rival");
    assertThat(names(wakeups.forPeer(peer))).as("the same event again").containsExactly("rival");
    // Conditions, retention time, observedGeneration: nothing another tenant reads.
    peer.getStatus().setDatabase("kt_peer");
    peer.getMetadata().setResourceVersion("2");
    assertThat(wakeups.forPeer(peer)).isEmpty();
  }

  @Test
  void aPeerReleasingANamespaceWakesTheTenantsSelectingIt() {
    exists(ns("shop", Map.of("team", "shop")));
    tenants.put(tenant("waiting", List.of(), Map.of("team", "shop")));
    tenants.put(tenant("unrelated", List.of("payments"), null));
    TelemetryTenant peer = owning(tenant("peer", List.of("shop"), null), "shop");
    tenants.put(peer);
    wakeups.forPeer(peer);

    TelemetryTenant released = owning(tenant("peer", List.of(), null));
    tenants.put(released);
    assertThat(names(wakeups.forPeer(released))).containsExactly("waiting");

    // Deleted (its cache no longer has it): whatever it claimed last is free.
    TelemetryTenant holder = owning(tenant("holder", List.of("shop"), null), "shop");
    tenants.put(holder);
    wakeups.forPeer(holder);
    tenants.byName.remove("holder");
    assertThat(names(wakeups.forPeer(holder))).containsExactlyInAnyOrder("waiting");
  }
}
