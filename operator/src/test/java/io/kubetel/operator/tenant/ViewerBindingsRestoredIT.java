package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
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

  /** Closes the client (its watches too) before the extension shuts the mock server down. */
  @AfterAll
  static void closeClientBeforeServer() {
    MockCluster.closeBeforeServer(client);
  }

  /** A subject someone adds by hand. */
  static final io.fabric8.kubernetes.api.model.rbac.Subject INTRUDER =
      new SubjectBuilder()
          .withKind("User")
          .withName("intruder")
          .withApiGroup("rbac.authorization.k8s.io")
          .build();

  Operator operator;

  @BeforeEach
  void startOperator() {
    // Storage that is always available and holds nothing but what the operator records.
    operator = TenantFixtures.startOperator(client, new ScriptedStorage());
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
  }

  /** Creates a tenant viewing {@code namespaces} and waits until it is Ready. */
  static void readyTenant(String name, List<String> namespaces) {
    namespaces.forEach(ns -> MockCluster.namespace(client, ns));
    client.resource(TenantFixtures.tenant(name, "kt_" + name, namespaces)).create();
    eventually(
        () -> {
          assertThat(TenantFixtures.condition(client, name, "Ready").isTrue()).isTrue();
          namespaces.forEach(ns -> assertThat(binding(ns, name)).isNotNull());
        });
  }

  /** Tenant {@code tenant}'s viewer binding in {@code namespace}, to read, edit or delete. */
  static Resource<RoleBinding> bindingResource(String namespace, String tenant) {
    return client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .withName(ViewerBindings.bindingName(tenant));
  }

  static RoleBinding binding(String namespace, String tenant) {
    return bindingResource(namespace, tenant).get();
  }

  /** Edits the binding as someone with RBAC rights might, then waits until it is put back. */
  static void editByHandAndAwaitRestored(
      String namespace, String tenant, UnaryOperator<RoleBinding> edit) {
    bindingResource(namespace, tenant).edit(edit);
    awaitRestored(namespace, tenant);
  }

  /** Waits until the operator has put the binding back as it should be. */
  static void awaitRestored(String namespace, String tenant) {
    eventually(Duration.ofSeconds(15), () -> assertIntact(binding(namespace, tenant), tenant));
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
    TelemetryTenant before = TenantFixtures.get(client, "orders");
    String deletedUid = binding("orders-db", "orders").getMetadata().getUid();
    assertThat(deletedUid).isNotBlank();

    assertThat(bindingResource("orders-db", "orders").delete()).isNotEmpty();

    // A new object (new uid) comes back: the binding was really deleted and recreated.
    eventually(
        Duration.ofSeconds(15),
        () -> {
          RoleBinding rb = binding("orders-db", "orders");
          assertIntact(rb, "orders");
          assertThat(rb.getMetadata().getUid()).isNotEqualTo(deletedUid);
        });
    assertIntact(binding("orders-api", "orders"), "orders");
    // The tenant was not edited (no spec change could have triggered this): the watch did it.
    TelemetryTenant after = TenantFixtures.get(client, "orders");
    assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
    assertThat(after.getMetadata().getGeneration()).isEqualTo(before.getMetadata().getGeneration());
  }

  @Test
  void viewerSubjectsEditedByHandAreRestored() {
    readyTenant("billing", List.of("billing-api"));

    editByHandAndAwaitRestored(
        "billing-api", "billing", rb -> new RoleBindingBuilder(rb).withSubjects(INTRUDER).build());
    assertThat(binding("billing-api", "billing").getSubjects())
        .noneSatisfy(s -> assertThat(s.getName()).isEqualTo("intruder"));
  }

  @Test
  void aSubjectAddedByHandIsRemovedAgain() {
    readyTenant("ledger", List.of("ledger-api"));

    // An extra subject is an extra grant: the binding must go back to exactly the tenant's viewers.
    editByHandAndAwaitRestored(
        "ledger-api", "ledger", rb -> new RoleBindingBuilder(rb).addToSubjects(INTRUDER).build());
  }

  @Test
  void labelsStrippedByHandAreRestoredSoTheBindingStaysWatched() {
    readyTenant("search", List.of("search-api"));

    // Without its labels the binding leaves the watch (a delete event for the informer) and is no
    // longer found by tenant label; the operator must take it back, not fail on AlreadyExists.
    editByHandAndAwaitRestored(
        "search-api",
        "search",
        rb -> new RoleBindingBuilder(rb).editMetadata().withLabels(Map.of()).endMetadata().build());
    Condition ready = TenantFixtures.condition(client, "search", "Ready");
    assertThat(ready.isTrue()).as(ready.getMessage()).isTrue();
  }

  @Test
  void aBindingOfOurNameThatIsNotOursIsLeftAlone() {
    MockCluster.namespace(client, "foreign-ns");
    // Someone else's binding that happens to have the name the tenant's would get.
    RoleBinding foreign =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(ViewerBindings.bindingName("foreign"))
            .withNamespace("foreign-ns")
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "admin")
            .withSubjects(
                new SubjectBuilder()
                    .withKind("User")
                    .withName("alice")
                    .withApiGroup("rbac.authorization.k8s.io")
                    .build())
            .build();
    client.resource(foreign).create();

    client.resource(TenantFixtures.tenant("foreign", "kt_foreign", List.of("foreign-ns"))).create();
    MockCluster.awaitCondition(
        () -> TenantFixtures.condition(client, "foreign", "Ready"),
        "False",
        "ViewerBindingFailed",
        "foreign-ns",
        ViewerBindings.bindingName("foreign"),
        "not managed by kubetel");
    RoleBinding after = binding("foreign-ns", "foreign");
    assertThat(after.getRoleRef().getName()).isEqualTo("admin");
    assertThat(after.getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("alice"));
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  void aLabelledBindingOfAnotherNameIsNotDeleted() {
    MockCluster.namespace(client, "labelled-ns");
    // Labelled like the operator's, but not named like them and not owned: not the operator's.
    RoleBinding lookalike =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName("team-readers")
            .withNamespace("labelled-ns")
            .withLabels(
                Map.of(
                    ViewerBindings.TENANT_LABEL,
                    "labelled",
                    "app.kubernetes.io/managed-by",
                    "kubetel-operator"))
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
            .withSubjects(INTRUDER)
            .build();
    client.resource(lookalike).create();

    readyTenant("labelled", List.of("labelled-ns"));
    // Ready: the workflow ran with the lookalike in its informer (it existed before the tenant).
    RoleBinding still =
        client.rbac().roleBindings().inNamespace("labelled-ns").withName("team-readers").get();
    assertThat(still).isNotNull();
    assertThat(still.getRoleRef().getName()).isEqualTo("view");
    assertIntact(binding("labelled-ns", "labelled"), "labelled");
  }
}
