package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.ReconcileLog;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The API server refuses the operator's RoleBinding writes (missing permissions): the tenant
 * reports {@code Ready=False} with reason {@code ViewerBindingFailed} and a message for users that
 * says which write of which binding was refused and what the operator needs (the API server's words
 * go to the log), its storage is provisioned all the same, and the refusal is retried with growing
 * delays, not at a fixed interval.
 */
@EnableKubernetesMockClient(crud = true)
class TenantRbacRefusedIT {

  static KubernetesClient client;
  static KubernetesMockServer server;

  @AfterAll
  static void closeClient() {
    MockCluster.closeBeforeServer(client);
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  static Status forbidden(String verb) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withReason("Forbidden")
        .withCode(403)
        .withMessage(
            "rolebindings.rbac.authorization.k8s.io is forbidden: User"
                + " \"system:serviceaccount:kubetel:operator\" cannot "
                + verb
                + " resource \"rolebindings\"")
        .build();
  }

  /** Every create of a RoleBinding in {@code namespace} is refused. */
  static void refuseCreatesIn(String namespace) {
    server
        .expect()
        .post()
        .withPath("/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace + "/rolebindings")
        .andReturn(403, forbidden("create"))
        .always();
  }

  static void withStorage(ThrowingTest test) throws Exception {
    String db = MockCluster.uniqueName("kt_rbacit_");
    ClickHouseGateway gateway =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    try {
      test.run(db, TenantFixtures.clickHouseStorage(gateway));
    } finally {
      // A reconcile that was running when the operator stopped may still be creating tables.
      MockCluster.eventually(() -> gateway.execute("DROP DATABASE IF EXISTS " + db));
      MockCluster.eventually(() -> TenantFixtures.dropSystemDatabase(gateway));
      gateway.close();
    }
  }

  interface ThrowingTest {
    void run(String database, TenantStorage storage) throws Exception;
  }

  @Test
  void aRefusedCreateBecomesAConditionNamingTheBindingNotARetryStorm() throws Exception {
    refuseCreatesIn("norbac-ns");
    withStorage(
        (db, storage) -> {
          Operator operator = TenantFixtures.startOperator(client, storage);
          try {
            MockCluster.namespace(client, "norbac-ns");
            client.resource(TenantFixtures.tenant("norbac", db, List.of("norbac-ns"))).create();
            Condition ready =
                awaitCondition(
                    () -> condition("norbac", "Ready"),
                    "False",
                    "ViewerBindingFailed",
                    "create of RoleBinding kubetel-viewer-norbac in namespace norbac-ns was"
                        + " refused",
                    "HTTP 403 Forbidden",
                    "the operator needs create on rolebindings there and bind on ClusterRole"
                        + " kubetel-telemetry-viewer");
            // The API server's own words (user, verb) go to the log, not into the status.
            assertThat(ready.getMessage()).doesNotContain("system:serviceaccount");
            assertThat(condition("norbac", "Reconciling").getReason())
                .isEqualTo("ViewerBindingFailed");
            assertThat(condition("norbac", "StorageReady").getStatus().name()).isEqualTo("True");
            assertThat(TenantFixtures.get(client, "norbac").getStatus().getResolvedNamespaces())
                .containsExactly("norbac-ns");
          } finally {
            operator.stop();
          }
        });
  }

  @Test
  void aRefusedUpdateNamesTheUpdate() throws Exception {
    MockCluster.namespace(client, "upd-ns");
    // The operator's binding (its name and both labels) with a subject too many: to be updated.
    client
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(ViewerBindings.bindingName("upd"))
                .withNamespace("upd-ns")
                .withLabels(
                    Map.of(
                        ViewerBindings.TENANT_LABEL,
                        "upd",
                        ViewerBindings.MANAGED_BY,
                        "kubetel-operator"))
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "ClusterRole", ViewerBindings.CLUSTER_ROLE)
                .withSubjects(
                    new SubjectBuilder()
                        .withKind("Group")
                        .withName("system:authenticated")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .build())
                .build())
        .create();
    String path =
        "/apis/rbac.authorization.k8s.io/v1/namespaces/upd-ns/rolebindings/kubetel-viewer-upd";
    server.expect().put().withPath(path).andReturn(403, forbidden("update")).always();
    server.expect().patch().withPath(path).andReturn(403, forbidden("patch")).always();
    withStorage(
        (db, storage) -> {
          Operator operator = TenantFixtures.startOperator(client, storage);
          try {
            client.resource(TenantFixtures.tenant("upd", db, List.of("upd-ns"))).create();
            awaitCondition(
                () -> condition("upd", "Ready"),
                "False",
                "ViewerBindingFailed",
                "update of RoleBinding kubetel-viewer-upd in namespace upd-ns was refused",
                "HTTP 403");
          } finally {
            operator.stop();
          }
        });
  }

  @Test
  void refusedRbacIsRetriedWithGrowingDelays() throws Exception {
    refuseCreatesIn("backoff-ns");
    withStorage(
        (db, storage) -> {
          ReconcileLog log = new ReconcileLog();
          // 300 ms, 600 ms, 1.2 s, 2.4 s, ...: a fixed interval would show as equal gaps.
          Operator operator =
              TenantFixtures.startOperator(
                  client,
                  new ExponentialBackoff(Duration.ofMillis(300), Duration.ofSeconds(10)),
                  log,
                  storage);
          try {
            MockCluster.namespace(client, "backoff-ns");
            client.resource(TenantFixtures.tenant("backoff", db, List.of("backoff-ns"))).create();
            MockCluster.eventually(
                Duration.ofSeconds(20),
                () -> assertThat(log.reconciliations("backoff")).isGreaterThanOrEqualTo(5));
            List<Duration> gaps = log.gaps("backoff").subList(0, 4);
            assertThat(gaps.get(3))
                .as("gaps %s", gaps)
                .isGreaterThanOrEqualTo(gaps.get(0).multipliedBy(4));
            assertThat(gaps.get(2)).as("gaps %s", gaps).isGreaterThan(gaps.get(0));
            assertThat(condition("backoff", "Ready").getMessage())
                .contains("create of RoleBinding kubetel-viewer-backoff in namespace backoff-ns");
          } finally {
            operator.stop();
          }
        });
  }
}
