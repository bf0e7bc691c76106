package io.kubetel.operator;

import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.testing.LocalClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole operator as main() wires it, against the mock API server and the local ClickHouse:
 * leader election through a Lease, health and readiness, Prometheus metrics per kind, and a clean
 * stop.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorAppIT {

  static KubernetesClient client;
  static KubernetesMockServer server;

  /** Closes the client (its watches too) before the extension shuts the mock server down. */
  @AfterAll
  static void closeClientBeforeServer() {
    MockCluster.closeBeforeServer(client);
  }

  /**
   * JOSDK checks its Lease permissions with a SelfSubjectRulesReview before electing; the CRUD mock
   * cannot answer that, so the test answers it: leases are allowed.
   */
  static void allowLeases() {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewMetadata()
                .endMetadata()
                .withNewStatus()
                .withIncomplete(false)
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("*")
                .endResourceRule()
                .endStatus()
                .build())
        .always();
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsElectsALeaderReconcilesServesHealthAndMetricsAndStops() throws Exception {
    String db = MockCluster.uniqueName("kt_appit_");
    String systemDb = MockCluster.uniqueName("kt_appit_sys_");
    MockCluster.namespace(client, "kubetel-system");
    MockCluster.namespace(client, "app-ns");
    OperatorConfig config =
        new OperatorConfig(
            LocalClickHouse.url(),
            "default",
            "",
            TableNames.DEFAULTS,
            Optional.empty(),
            systemDb,
            "127.0.0.1",
            0,
            true,
            "kubetel-system",
            "kubetel-operator",
            "replica-1",
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            2,
            OperatorConfig.Scope.ALL,
            OperatorConfig.LeaseTimings.DEFAULTS,
            ClusterAccess.DEFAULT,
            OperatorConfig.DEFAULT_CREDENTIALS_NAMESPACE);
    allowLeases();
    OperatorApp app = OperatorApp.start(config, client);
    try (ClickHouseGateway ch =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"))) {
      int port = app.managementPort();
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(200));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Lease lease =
                    client
                        .leases()
                        .inNamespace("kubetel-system")
                        .withName("kubetel-operator")
                        .get();
                assertThat(lease).isNotNull();
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-1");
              });

      TelemetryTenant t = new TelemetryTenant();
      t.getMetadata().setName("app");
      TelemetryTenantSpec spec = new TelemetryTenantSpec();
      spec.setNamespaces(List.of("app-ns"));
      spec.setDatabase(db);
      t.setSpec(spec);
      client.resource(t).create();
      eventually(
          () ->
              assertThat(
                      ConditionSet.find(
                              client
                                  .resources(TelemetryTenant.class)
                                  .withName("app")
                                  .get()
                                  .getStatus()
                                  .getConditions(),
                              "Ready")
                          .orElseThrow()
                          .getStatus()
                          .name())
                  .isEqualTo("True"));

      String metrics = get(port, "/metrics").body();
      assertThat(metrics)
          .contains(
              "kubetel_operator_reconciliations_total{controller=\"telemetrytenant\",operation=\"reconcile\",result=\"success\"}")
          .contains(
              "kubetel_operator_reconcile_duration_seconds_bucket{controller=\"telemetrytenant\"")
          .contains("jvm_memory_used_bytes");
      // The ownership record went to the configured system database, nowhere else.
      assertThat(
              ch.select(
                  "SELECT tenant FROM "
                      + systemDb
                      + ".database_owners WHERE database = '"
                      + db
                      + "' FORMAT JSONEachRow"))
          .singleElement()
          .satisfies(r -> assertThat(r.get("tenant").asText()).isEqualTo("app"));
      ch.execute("DROP DATABASE IF EXISTS " + db);
      ch.execute("DROP DATABASE IF EXISTS " + systemDb);
    } finally {
      app.close();
    }
  }
}
