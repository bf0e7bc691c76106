package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.SelectorOperator;
import io.kubetel.crds.tenant.SelectorRequirement;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which existing namespaces a tenant spec selects. */
class NamespaceResolverTest {

  static Namespace ns(String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  static SelectorRequirement requirement(String key, SelectorOperator op, String... values) {
    SelectorRequirement r = new SelectorRequirement();
    r.setKey(key);
    r.setOperator(op);
    if (values.length > 0) {
      r.setValues(List.of(values));
    }
    return r;
  }

  static final List<Namespace> ALL =
      List.of(
          ns("shop-frontend", Map.of("team", "shop")),
          ns("shop", Map.of("team", "shop", "tier", "prod")),
          ns("payments", Map.of("team", "pay")),
          ns("default", Map.of()));

  @Test
  void explicitNamesAndSelectorMatchesAreUnited() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(List.of("payments", "not-there"));
    NamespaceSelector sel = new NamespaceSelector();
    sel.setMatchLabels(Map.of("team", "shop"));
    spec.setNamespaceSelector(sel);
    assertThat(NamespaceResolver.resolve(spec, ALL))
        .containsExactly("payments", "shop", "shop-frontend");
    assertThat(NamespaceResolver.missing(spec, ALL)).containsExactly("not-there");
  }

  @Test
  void setBasedRequirementsAllApply() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    NamespaceSelector sel = new NamespaceSelector();
    sel.setMatchExpressions(
        List.of(
            requirement("team", SelectorOperator.In, "shop", "pay"),
            requirement("tier", SelectorOperator.DoesNotExist)));
    spec.setNamespaceSelector(sel);
    assertThat(NamespaceResolver.resolve(spec, ALL)).containsExactly("payments", "shop-frontend");
  }

  @Test
  void notInAndExistsFollowKubernetesSemantics() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    NamespaceSelector sel = new NamespaceSelector();
    SelectorRequirement notShop = requirement("team", SelectorOperator.NotIn, "shop");
    sel.setMatchExpressions(List.of(notShop));
    spec.setNamespaceSelector(sel);
    // NotIn also selects namespaces without the label, as in Kubernetes.
    assertThat(NamespaceResolver.resolve(spec, ALL)).containsExactly("default", "payments");
    sel.setMatchExpressions(List.of(notShop, requirement("team", SelectorOperator.Exists)));
    sel.setMatchLabels(Map.of("team", "pay"));
    assertThat(NamespaceResolver.resolve(spec, ALL)).containsExactly("payments");
  }

  @Test
  void anEmptySelectorSelectsNothingAndTerminatingNamespacesAreSkipped() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaceSelector(new NamespaceSelector());
    assertThat(NamespaceResolver.resolve(spec, ALL)).isEmpty();
    Namespace gone = ns("payments", Map.of());
    gone.getMetadata().setDeletionTimestamp("2026-11-25T10:00:00Z");
    spec.setNamespaces(List.of("payments"));
    assertThat(NamespaceResolver.resolve(spec, List.of(gone))).isEmpty();
  }

  @Test
  void selectorsNeverClaimSystemNamespacesButNamesDo() {
    List<Namespace> all =
        List.of(
            ns("kube-system", Map.of("kubernetes.io/metadata.name", "kube-system")),
            ns("kube-public", Map.of("kubernetes.io/metadata.name", "kube-public")),
            ns("kube-node-lease", Map.of("kubernetes.io/metadata.name", "kube-node-lease")),
            ns("kubetel", Map.of("kubernetes.io/metadata.name", "kubetel")),
            ns("shop", Map.of("kubernetes.io/metadata.name", "shop")));
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    NamespaceSelector sel = new NamespaceSelector();
    sel.setMatchExpressions(
        List.of(requirement("kubernetes.io/metadata.name", SelectorOperator.Exists)));
    spec.setNamespaceSelector(sel);
    NamespaceSafety safety = NamespaceSafety.protecting("kubetel");

    assertThat(NamespaceResolver.resolve(spec, all, safety)).containsExactly("shop");
    assertThat(NamespaceResolver.resolve(spec, all)).as("kube-* always").contains("kubetel");
    assertThat(NamespaceResolver.resolve(spec, all)).doesNotContain("kube-system");

    // Listed by name: a deliberate choice, claimed.
    spec.setNamespaces(List.of("kube-system", "kubetel"));
    assertThat(NamespaceResolver.resolve(spec, all, safety))
        .containsExactly("kube-system", "kubetel", "shop");
  }

  @Test
  void namespaceSafetyProtectsKubeAndTheOperatorsOwn() {
    NamespaceSafety safety = NamespaceSafety.protecting("kubetel-system");
    assertThat(safety.selectable("kube-system")).isFalse();
    assertThat(safety.selectable("kube-anything")).isFalse();
    assertThat(safety.selectable("kubetel-system")).isFalse();
    assertThat(safety.selectable("kubetel")).isTrue();
    assertThat(safety.selectable("kubernetes-dashboard")).isTrue();
    assertThat(NamespaceSafety.protecting(null).selectable("kubetel-system")).isTrue();
    assertThat(NamespaceSafety.protecting(" ").selectable(" ")).isTrue();
  }
}
