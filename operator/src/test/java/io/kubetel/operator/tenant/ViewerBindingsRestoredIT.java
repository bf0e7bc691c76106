package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Viewer RoleBindings are watched: one deleted or edited by hand is restored promptly, without a
 * tenant spec change, namespace event or retention run (retention runs hourly here). Storage is an
 * in-memory stand-in: this test is about RBAC only.
 */
@EnableKubernetesMockClient(crud = true)
class ViewerBindingsRestoredIT {

  static KubernetesClient client;

  /** A subject someone adds by hand. */
  static final io.fabric8.kubernetes.api.model.rbac.Subject INTRUDER =
      new SubjectBuilder()
          .withKind("User")
          .withName("intruder")
          .withApiGroup("rbac.authorization.k8s.io")
          .build();

  Operator operator;

  /** Storage that is always available and holds nothing. */
  static final class NoStorage implements TenantStorage {
    @Override
    public void ensureSchema(String database) {}

    @Override
    public List<RetentionAction> applyRetention(
        String database, Map<Signal, Duration> retention, Instant now) {
      return List.of();
    }

    @Override
    public void dropDatabase(String database) {}
  }

  @BeforeEach
  void startOperator() {
    operator =
        TestOperators.start(
            client,
            new TelemetryTenantReconciler(
                new NoStorage(),
                new EventRecorder(client, Clock.systemUTC()),
                Duration.ofHours(1),
                Clock.systemUTC()));
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
  }

  static void namespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .createOr(n -> n.update());
  }

  /** Creates a tenant viewing {@code namespaces} and waits until it is Ready. */
  static void readyTenant(String name, List<String> namespaces) {
    namespaces.forEach(ViewerBindingsRestoredIT::namespace);
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(namespaces);
    spec.setDatabase("kt_" + name);
    spec.setViewers(List.of(new Subject(SubjectKind.Group, name + "-devs", null)));
    t.setSpec(spec);
    client.resource(t).create();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              TelemetryTenant got = client.resources(TelemetryTenant.class).withName(name).get();
              assertThat(ConditionSet.find(got.getStatus().getConditions(), "Ready"))
                  .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
              namespaces.forEach(ns -> assertThat(binding(ns, name)).isNotNull());
            });
  }

  static RoleBinding binding(String namespace, String tenant) {
    return client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .withName(ViewerBindings.bindingName(tenant))
        .get();
  }

  static void assertIntact(RoleBinding rb, String tenant) {
    assertThat(rb).isNotNull();
    assertThat(rb.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(rb.getRoleRef().getName()).isEqualTo(ViewerBindings.CLUSTER_ROLE);
    assertThat(rb.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("Group");
              assertThat(s.getName()).isEqualTo(tenant + "-devs");
            });
    assertThat(rb.getMetadata().getLabels())
        .containsEntry(ViewerBindings.TENANT_LABEL, tenant)
        .containsEntry("app.kubernetes.io/managed-by", "kubetel-operator");
    assertThat(rb.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("TelemetryTenant");
              assertThat(o.getName()).isEqualTo(tenant);
            });
  }

  @Test
  void aDeletedViewerBindingIsRecreated() {
    readyTenant("orders", List.of("orders-api", "orders-db"));
    TelemetryTenant before = client.resources(TelemetryTenant.class).withName("orders").get();
    String deletedUid = binding("orders-db", "orders").getMetadata().getUid();
    assertThat(deletedUid).isNotBlank();

    assertThat(
            client
                .rbac()
                .roleBindings()
                .inNamespace("orders-db")
                .withName("kubetel-viewer-orders")
                .delete())
        .isNotEmpty();

    // A new object (new uid) comes back: the binding was really deleted and recreated.
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              RoleBinding rb = binding("orders-db", "orders");
              assertIntact(rb, "orders");
              assertThat(rb.getMetadata().getUid()).isNotEqualTo(deletedUid);
            });
    assertIntact(binding("orders-api", "orders"), "orders");
    // The tenant was not edited (no spec change could have triggered this): the watch did it.
    TelemetryTenant after = client.resources(TelemetryTenant.class).withName("orders").get();
    assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
    assertThat(after.getMetadata().getGeneration()).isEqualTo(before.getMetadata().getGeneration());
  }

  @Test
  void viewerSubjectsEditedByHandAreRestored() {
    readyTenant("billing", List.of("billing-api"));

    client
        .rbac()
        .roleBindings()
        .inNamespace("billing-api")
        .withName("kubetel-viewer-billing")
        .edit(rb -> new RoleBindingBuilder(rb).withSubjects(INTRUDER).build());

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertIntact(binding("billing-api", "billing"), "billing"));
    assertThat(binding("billing-api", "billing").getSubjects())
        .noneSatisfy(s -> assertThat(s.getName()).isEqualTo("intruder"));
  }

  @Test
  void aSubjectAddedByHandIsRemovedAgain() {
    readyTenant("ledger", List.of("ledger-api"));

    // An extra subject is an extra grant: the binding must go back to exactly the tenant's viewers.
    client
        .rbac()
        .roleBindings()
        .inNamespace("ledger-api")
        .withName("kubetel-viewer-ledger")
        .edit(rb -> new RoleBindingBuilder(rb).addToSubjects(INTRUDER).build());

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertIntact(binding("ledger-api", "ledger"), "ledger"));
  }

  @Test
  void labelsStrippedByHandAreRestoredSoTheBindingStaysWatched() {
    readyTenant("search", List.of("search-api"));

    // Without its labels the binding leaves the watch (a delete event for the informer) and is no
    // longer found by tenant label; the operator must take it back, not fail on AlreadyExists.
    client
        .rbac()
        .roleBindings()
        .inNamespace("search-api")
        .withName("kubetel-viewer-search")
        .edit(
            rb ->
                new RoleBindingBuilder(rb)
                    .editMetadata()
                    .withLabels(Map.of())
                    .endMetadata()
                    .build());

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertIntact(binding("search-api", "search"), "search"));
    TelemetryTenant t = client.resources(TelemetryTenant.class).withName("search").get();
    assertThat(ConditionSet.find(t.getStatus().getConditions(), "Ready"))
        .hasValueSatisfying(c -> assertThat(c.isTrue()).as(c.getMessage()).isTrue());
  }
}
