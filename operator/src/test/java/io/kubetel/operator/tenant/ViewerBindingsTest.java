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

  @Test
  void onlyAnOwnerReferenceOrTheLabelsTogetherWithTheNameMakeABindingOurs() {
    TelemetryTenant shop = tenant("shop");
    RoleBinding desired = ViewerBindings.desired(shop, "shop-ns");
    assertThat(ViewerBindings.ownedBy(desired, shop)).isTrue();

    RoleBinding labelsOnly =
        new RoleBindingBuilder(desired).editMetadata().withOwnerReferences().endMetadata().build();
    assertThat(ViewerBindings.ownedBy(labelsOnly, shop)).as("labels and name").isTrue();
    labelsOnly.getMetadata().setName("team-readers");
    assertThat(ViewerBindings.ownedBy(labelsOnly, shop)).as("labels, other name").isFalse();

    RoleBinding ownerOnly =
        new RoleBindingBuilder(desired).editMetadata().withLabels(Map.of()).endMetadata().build();
    assertThat(ViewerBindings.ownedBy(ownerOnly, shop)).as("owner reference").isTrue();
    assertThat(ViewerBindings.ownedBy(ownerOnly, tenant("other"))).isFalse();
    TelemetryTenant recreated = tenant("shop");
    recreated.getMetadata().setUid("uid-shop-2");
    assertThat(ViewerBindings.ownedBy(ownerOnly, recreated)).as("an earlier tenant's").isFalse();

    RoleBinding nameOnly = managedBinding("kubetel-viewer-shop").build();
    nameOnly.getMetadata().setLabels(Map.of());
    assertThat(ViewerBindings.ownedBy(nameOnly, shop)).as("found by name only").isFalse();
  }
}
