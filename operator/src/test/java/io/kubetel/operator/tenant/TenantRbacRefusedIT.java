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
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.util.List;
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
    return TenantFixtures.condition(client, "norbac", type);
  }

  @Test
  void forbiddenRbacBecomesAConditionNotARetryStorm() {
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
    String db = MockCluster.uniqueName("kt_rbacit_");
    ClickHouseGateway gateway =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    Operator operator =
        TenantFixtures.startOperator(client, TenantFixtures.clickHouseStorage(gateway));
    try {
      MockCluster.namespace(client, "norbac-ns");
      client.resource(TenantFixtures.tenant("norbac", db, List.of("norbac-ns"))).create();
      awaitCondition(() -> condition("Ready"), "False", "ViewerBindingFailed", "forbidden");
      assertThat(condition("StorageReady").getStatus().name()).isEqualTo("True");
      assertThat(TenantFixtures.get(client, "norbac").getStatus().getResolvedNamespaces())
          .containsExactly("norbac-ns");
    } finally {
      operator.stop();
      gateway.execute("DROP DATABASE IF EXISTS " + db);
      gateway.close();
    }
  }
}
