package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server refuses the operator's RBAC writes (missing permissions): the tenant reports
 * {@code Ready=False} with reason {@code ViewerBindingFailed} and a message for users (the API
 * server's words go to the log), its storage is provisioned all the same, and the refusal is
 * retried with growing delays, not at a fixed interval.
 */
@EnableKubernetesMockClient(crud = true)
class TenantRbacRefusedIT {

  static KubernetesClient client;
  static KubernetesMockServer server;

  static Condition condition(String type) {
    return TenantFixtures.condition(client, "norbac", type);
  }

  @BeforeEach
  void refuseClusterRoleReads() {
    server
        .expect()
        .post()
        .withPath("/apis/rbac.authorization.k8s.io/v1/clusterroles")
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(
                    "clusterroles.rbac.authorization.k8s.io \"kubetel-telemetry-viewer\" is"
                        + " forbidden: User \"system:serviceaccount:kubetel:operator\" cannot"
                        + " create")
                .build())
        .always();
  }

  @Test
  void forbiddenRbacBecomesAConditionNotARetryStorm() {
    String db = MockCluster.uniqueName("kt_rbacit_");
    ClickHouseGateway gateway =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    Operator operator =
        TenantFixtures.startOperator(client, TenantFixtures.clickHouseStorage(gateway));
    try {
      MockCluster.namespace(client, "norbac-ns");
      client.resource(TenantFixtures.tenant("norbac", db, List.of("norbac-ns"))).create();
      awaitCondition(
          () -> condition("Ready"), "False", "ViewerBindingFailed", "Forbidden", "permissions");
      // The API server's own words (user, verb) go to the log, not into the status.
      assertThat(condition("Ready").getMessage()).doesNotContain("system:serviceaccount");
      assertThat(condition("StorageReady").getStatus().name()).isEqualTo("True");
      assertThat(TenantFixtures.get(client, "norbac").getStatus().getResolvedNamespaces())
          .containsExactly("norbac-ns");
    } finally {
      operator.stop();
      gateway.execute("DROP DATABASE IF EXISTS " + db);
      TenantFixtures.dropSystemDatabase(gateway);
      gateway.close();
    }
  }

  @Test
  void refusedRbacIsRetriedWithGrowingDelays() {
    String db = MockCluster.uniqueName("kt_rbacit_");
    ClickHouseGateway gateway =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    ReconcileLog log = new ReconcileLog();
    // 300 ms, 600 ms, 1.2 s, 2.4 s, ...: a fixed interval would show as equal gaps.
    Operator operator =
        TenantFixtures.startOperator(
            client,
            new ExponentialBackoff(Duration.ofMillis(300), Duration.ofSeconds(10)),
            log,
            TenantFixtures.clickHouseStorage(gateway));
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
      assertThat(TenantFixtures.condition(client, "backoff", "Ready").getReason())
          .isEqualTo("ViewerBindingFailed");
    } finally {
      operator.stop();
      gateway.execute("DROP DATABASE IF EXISTS " + db);
      TenantFixtures.dropSystemDatabase(gateway);
      gateway.close();
    }
  }
}
