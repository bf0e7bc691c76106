package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tenant a watched RoleBinding wakes up, and the labels that make it watchable. */
class ViewerBindingsTest {

  static TelemetryTenant tenant(String name) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    t.getMetadata().setUid("uid-" + name);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setViewers(List.of(new Subject(SubjectKind.Group, "devs", null)));
    t.setSpec(spec);
    return t;
  }

  /** A binding named {@code name} carrying only the operator's managed-by label. */
  static RoleBindingBuilder managedBinding(String name) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("app.kubernetes.io/managed-by", "kubetel-operator"))
        .endMetadata();
  }

  @Test
  void desiredBindingCarriesTheLabelsTheWatchSelects() {
    RoleBinding rb = ViewerBindings.desired(tenant("shop"), "shop-ns");
    assertThat(rb.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "kubetel-operator")
        .containsEntry("kubetel.io/tenant", "shop");
    assertThat(ViewerBindings.MANAGED_SELECTOR)
        .isEqualTo("app.kubernetes.io/managed-by=kubetel-operator");
    assertThat(ViewerBindings.owningTenant(rb)).contains("shop");
  }

  @Test
  void withoutTheTenantLabelTheControllingTenantOwnerIsUsed() {
    RoleBinding rb =
        managedBinding("kubetel-viewer-shop")
            .editMetadata()
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withKind("Deployment")
                    .withName("other")
                    .withController(false)
                    .build(),
                new OwnerReferenceBuilder()
                    .withKind("TelemetryTenant")
                    .withName("shop")
                    .withController(true)
                    .build())
            .endMetadata()
            .build();
    assertThat(ViewerBindings.owningTenant(rb)).contains("shop");
  }

  @Test
  void aBindingNamingNoTenantWakesNobody() {
    RoleBinding rb = managedBinding("someone-elses").build();
    assertThat(ViewerBindings.owningTenant(rb)).isEmpty();
    rb.getMetadata().setLabels(null);
    assertThat(ViewerBindings.owningTenant(rb)).isEmpty();
  }
}
