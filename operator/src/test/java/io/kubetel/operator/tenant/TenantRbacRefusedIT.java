package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API server refuses the operator's RBAC writes (missing permissions): the tenant reports
 * {@code Ready=False} with reason {@code ViewerBindingFailed} instead of failing the reconcile, and
 * its storage is provisioned all the same.
 */
@EnableKubernetesMockClient(crud = true)
class TenantRbacRefusedIT {

  static KubernetesClient client;
  static KubernetesMockServer server;

  static Condition condition(String type) {
    TelemetryTenant t = client.resources(TelemetryTenant.class).withName("norbac").get();
    return ConditionSet.find(t.getStatus().getConditions(), type).orElseThrow();
  }

  @Test
  void forbiddenRbacBecomesAConditionNotARetryStorm() {
    server
        .expect()
        .get()
        .withPath("/apis/rbac.authorization.k8s.io/v1/clusterroles/kubetel-telemetry-viewer")
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(
                    "clusterroles.rbac.authorization.k8s.io \"kubetel-telemetry-viewer\" is"
                        + " forbidden: User \"system:serviceaccount:kubetel:operator\" cannot get")
                .build())
        .always();
    String db = "kt_rbacit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ClickHouseGateway gateway =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    Operator operator =
        TestOperators.start(
            client,
            new TelemetryTenantReconciler(
                new ClickHouseTenantStorage(
                    schema, new PartitionRetentionManager(gateway, schema.layout())),
                new EventRecorder(client, Clock.systemUTC()),
                Duration.ofHours(1),
                Clock.systemUTC()));
    try {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("norbac-ns").endMetadata().build())
          .create();
      client
          .resource(TelemetryTenantReconcilerIT.tenant("norbac", db, List.of("norbac-ns")))
          .create();
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Condition ready = condition("Ready");
                assertThat(ready.getStatus().name()).isEqualTo("False");
                assertThat(ready.getReason()).isEqualTo("ViewerBindingFailed");
                assertThat(ready.getMessage()).contains("forbidden");
              });
      assertThat(condition("StorageReady").getStatus().name()).isEqualTo("True");
      assertThat(
              client
                  .resources(TelemetryTenant.class)
                  .withName("norbac")
                  .get()
                  .getStatus()
                  .getResolvedNamespaces())
          .containsExactly("norbac-ns");
    } finally {
      operator.stop();
      gateway.execute("DROP DATABASE IF EXISTS " + db);
      gateway.close();
    }
  }
}
