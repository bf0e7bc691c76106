package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.OperatorApp;
import io.kubetel.operator.OperatorConfig;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a tenant with {@code deletionPolicy: Delete} never drops a database another tenant
 * holds, even one the deleting operator's caches do not know: here another operator instance's
 * tenant (not in this instance's caches, e.g. one of two tenants of the release before issue 8 that
 * shared a database) names it in its status, while kubetel's ownership record says it was created
 * for the deleted tenant. The check reads the tenants from the API server at deletion time; the
 * database and its rows stay, with a {@code DatabaseShared} warning.
 */
@EnableKubernetesMockClient(crud = true)
class TenantDeletionSharedIT {

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String database;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    database = MockCluster.uniqueName("kt_sharedit_");
  }

  @AfterAll
  static void close() {
    gateway.execute("DROP DATABASE IF EXISTS " + database);
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  /** The tenant operator of instance {@code blue}: its caches hold the blue tenants only. */
  static Operator startBlueInstance() {
    MockCluster.installViewerRole(client);
    Operator operator = TestOperators.create(client, o -> {});
    operator.register(
        new TelemetryTenantReconciler(
            TenantFixtures.clickHouseStorage(gateway),
            new EventRecorder(client, Clock.systemUTC(), TenantFixtures.OPERATOR_NAMESPACE),
            Duration.ofHours(1),
            Clock.systemUTC()),
        o -> OperatorApp.scope(o, new OperatorConfig.Scope(Set.of(), Optional.of("blue")), false));
    operator.start();
    return operator;
  }

  @Test
  void aDatabaseAnotherTenantHoldsIsKeptThoughTheOperatorNeverCachedThatTenant() {
    MockCluster.namespace(client, "shared-ns");
    Operator operator = startBlueInstance();
    try {
      TelemetryTenant owner = TenantFixtures.tenant("blue-owner", database, List.of("shared-ns"));
      owner.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "blue"));
      owner.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      client.resource(owner).create();
      awaitCondition(
          () -> TenantFixtures.condition(client, "blue-owner", "Ready"), "True", "Ready");
      TenantFixtures.collectorDatabase(gateway, database, Instant.now());
      long rows = TenantTables.rows(gateway, database, "otel_logs");
      assertThat(rows).isPositive();

      // Another instance's tenant holds the same database (its status says so).
      TelemetryTenant holder = TenantFixtures.tenant("green-holder", database, List.of());
      holder.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "green"));
      client.resource(holder).create();
      client
          .resources(TelemetryTenant.class)
          .withName("green-holder")
          .editStatus(
              t -> {
                TelemetryTenantStatus s = new TelemetryTenantStatus();
                s.setDatabase(database);
                t.setStatus(s);
                return t;
              });

      client.resources(TelemetryTenant.class).withName("blue-owner").delete();
      eventually(() -> assertThat(TenantFixtures.get(client, "blue-owner")).isNull());

      assertThat(TenantFixtures.databaseExists(gateway, database)).isTrue();
      assertThat(TenantTables.rows(gateway, database, "otel_logs")).isEqualTo(rows);
      assertThat(TenantFixtures.awaitEvent(client, "blue-owner", "DatabaseShared").getMessage())
          .contains(database, "green-holder");
    } finally {
      operator.stop();
    }
  }
}
