package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Who owns a namespace that several tenants select. */
class NamespaceClaimsTest {

  static final List<Namespace> NAMESPACES =
      List.of(NamespaceResolverTest.ns("a", Map.of()), NamespaceResolverTest.ns("b", Map.of()));

  static TelemetryTenant tenant(String name, String created, List<String> ns, List<String> owned) {
    TelemetryTenant t = new TelemetryTenant();
    t.setMetadata(new ObjectMetaBuilder().withName(name).withCreationTimestamp(created).build());
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(ns);
    t.setSpec(spec);
    if (owned != null) {
      TelemetryTenantStatus s = new TelemetryTenantStatus();
      s.setResolvedNamespaces(owned);
      t.setStatus(s);
    }
    return t;
  }

  @Test
  void aNamespaceInAnotherTenantsStatusStaysThere() {
    // "late" is older by timestamp but "first" already holds the namespace: first keeps it.
    TelemetryTenant first = tenant("first", "2026-11-25T10:00:00Z", List.of("a"), List.of("a"));
    TelemetryTenant late = tenant("late", "2026-11-25T09:00:00Z", List.of("a", "b"), null);
    NamespaceClaims.Result r =
        NamespaceClaims.resolve(
            late, new TreeSet<>(List.of("a", "b")), List.of(first, late), NAMESPACES);
    assertThat(r.owned()).containsExactly("b");
    assertThat(r.conflicts()).containsExactly(Map.entry("a", "first"));
    assertThat(NamespaceClaims.describe(r.conflicts())).isEqualTo("a (owned by tenant first)");
  }

  @Test
  void withoutAHolderTheOlderTenantWins() {
    TelemetryTenant older = tenant("older", "2026-11-25T08:00:00Z", List.of("a"), null);
    TelemetryTenant newer = tenant("newer", "2026-11-25T09:00:00Z", List.of("a"), null);
    assertThat(
            NamespaceClaims.resolve(
                    newer, new TreeSet<>(List.of("a")), List.of(older, newer), NAMESPACES)
                .conflicts())
        .containsEntry("a", "older");
    assertThat(
            NamespaceClaims.resolve(
                    older, new TreeSet<>(List.of("a")), List.of(older, newer), NAMESPACES)
                .owned())
        .containsExactly("a");
  }
}
