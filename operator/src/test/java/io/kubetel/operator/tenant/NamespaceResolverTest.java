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

  static final List<Namespace> ALL =
      List.of(
          ns("shop-frontend", Map.of("team", "shop")),
          ns("shop-checkout", Map.of("team", "shop", "tier", "prod")),
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
        .containsExactly("payments", "shop-checkout", "shop-frontend");
    assertThat(NamespaceResolver.missing(spec, ALL)).containsExactly("not-there");
  }

  @Test
  void setBasedRequirementsAllApply() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    NamespaceSelector sel = new NamespaceSelector();
    SelectorRequirement in = new SelectorRequirement();
    in.setKey("team");
    in.setOperator(SelectorOperator.In);
    in.setValues(List.of("shop", "pay"));
    SelectorRequirement noTier = new SelectorRequirement();
    noTier.setKey("tier");
    noTier.setOperator(SelectorOperator.DoesNotExist);
    sel.setMatchExpressions(List.of(in, noTier));
    spec.setNamespaceSelector(sel);
    assertThat(NamespaceResolver.resolve(spec, ALL)).containsExactly("payments", "shop-frontend");
  }

  @Test
  void notInAndExistsFollowKubernetesSemantics() {
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    NamespaceSelector sel = new NamespaceSelector();
    SelectorRequirement notShop = new SelectorRequirement();
    notShop.setKey("team");
    notShop.setOperator(SelectorOperator.NotIn);
    notShop.setValues(List.of("shop"));
    sel.setMatchExpressions(List.of(notShop));
    spec.setNamespaceSelector(sel);
    // NotIn also selects namespaces without the label, as in Kubernetes.
    assertThat(NamespaceResolver.resolve(spec, ALL)).containsExactly("default", "payments");
    SelectorRequirement team = new SelectorRequirement();
    team.setKey("team");
    team.setOperator(SelectorOperator.Exists);
    sel.setMatchExpressions(List.of(notShop, team));
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
}
