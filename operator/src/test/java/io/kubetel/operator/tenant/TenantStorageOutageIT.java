package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.ownership.DatabaseOwnership;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse unreachable: the tenant reports {@code StorageReady=False}, is retried with growing
 * delays, and becomes Ready once ClickHouse answers again.
 */
@EnableKubernetesMockClient(crud = true)
class TenantStorageOutageIT {

  static KubernetesClient client;
  static ClickHouseGateway real;
  static ClickHouseGateway unreachable;
  static String database;

  @BeforeAll
  static void gateways() {
    real = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    // Nothing listens on port 1: every call fails like a ClickHouse that is down.
    unreachable = new ClickHouseGateway(ClickHouseSettings.of("http://127.0.0.1:1", "default"));
    database = MockCluster.uniqueName("kt_outageit_");
  }

  @AfterAll
  static void cleanUp() {
    real.execute("DROP DATABASE IF EXISTS " + database);
    TenantFixtures.dropSystemDatabase(real);
    real.close();
    unreachable.close();
    MockCluster.closeBeforeServer(client);
  }

  /** Storage that uses the unreachable ClickHouse until {@link #up} is set. */
  static final class SwitchableStorage extends DelegatingStorage {
    volatile boolean up;
    final TenantStorage down =
        new ClickHouseTenantStorage(
            new ClickHouseSchemaManager(unreachable, SchemaLayout.COMPAT),
            (db, m, now) -> List.of(),
            new DatabaseOwnership(unreachable, TenantFixtures.SYSTEM_DATABASE, Clock.systemUTC()));
    final TenantStorage working =
        new ClickHouseTenantStorage(
            new ClickHouseSchemaManager(real),
            new PartitionRetentionManager(real, SchemaLayout.COMPAT),
            new DatabaseOwnership(real, TenantFixtures.SYSTEM_DATABASE, Clock.systemUTC()));

    @Override
    TenantStorage current() {
      return up ? working : down;
    }
  }

  static Condition condition(String type) {
    return condition("outage", type);
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  /** The tenant operator on {@code storage}, retrying after 500 ms, 1 s, then every 2 s. */
  static Operator startOperator(TenantStorage storage) {
    return TenantFixtures.startOperator(
        client, new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(2)), storage);
  }

  static boolean databaseExists(String db) {
    return !real.select(
            "SELECT name FROM system.databases WHERE name = '" + db + "' FORMAT JSONEachRow")
        .isEmpty();
  }

  @Test
  void aTenantDeletedWhileStorageIsDownKeepsItsFinalizerUntilTheDropSucceeds() {
    SwitchableStorage storage = new SwitchableStorage();
    storage.up = true;
    String db = database + "_del";
    Operator operator = startOperator(storage);
    try {
      MockCluster.namespace(client, "gone-ns");
      TelemetryTenant t = TenantFixtures.tenant("gone", db, List.of("gone-ns"));
      t.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      client.resource(t).create();
      // Ready: provisioned, and no reconciliation is still writing the status.
      awaitCondition(() -> condition("gone", "Ready"), "True", null);
      assertThat(databaseExists(db)).isTrue();

      storage.up = false;
      client.resources(TelemetryTenant.class).withName("gone").delete();
      eventually(
          () ->
              assertThat(
                      client
                          .v1()
                          .events()
                          .inNamespace(TenantFixtures.OPERATOR_NAMESPACE)
                          .list()
                          .getItems())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getInvolvedObject().getName()).isEqualTo("gone");
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo("StorageUnavailable");
                        assertThat(e.getMessage())
                            .contains("cannot drop database " + db, "(attempt 2)");
                      }));
      // The finalizer holds the tenant (and so the data) until the drop succeeds.
      assertThat(client.resources(TelemetryTenant.class).withName("gone").get()).isNotNull();
      assertThat(databaseExists(db)).isTrue();

      storage.up = true;
      eventually(
          () ->
              assertThat(client.resources(TelemetryTenant.class).withName("gone").get()).isNull());
      assertThat(databaseExists(db)).isFalse();
    } finally {
      operator.stop();
      real.execute("DROP DATABASE IF EXISTS " + db);
    }
  }

  @Test
  void unreachableStorageIsReportedRetriedWithBackoffAndRecovers() {
    SwitchableStorage storage = new SwitchableStorage();
    Operator operator = startOperator(storage);
    try {
      MockCluster.namespace(client, "outage-ns");
      client.resource(TenantFixtures.tenant("outage", database, List.of("outage-ns"))).create();

      // A later attempt proves the reconcile is retried, with a longer delay.
      awaitCondition(
          () -> condition("StorageReady"),
          "False",
          "StorageUnavailable",
          "retrying in 1s (attempt 2)");
      Condition ready = condition("Ready");
      assertThat(ready.getStatus().name()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("StorageUnavailable");
      // Viewer access does not depend on storage.
      assertThat(
              client
                  .rbac()
                  .roleBindings()
                  .inNamespace("outage-ns")
                  .withName("kubetel-viewer-outage")
                  .get())
          .isNotNull();

      storage.up = true;
      awaitCondition(() -> condition("Ready"), "True", null);
      assertThat(condition("StorageReady").getReason()).isEqualTo("DatabaseReady");
      assertThat(
              real.select(
                  "SELECT name FROM system.tables WHERE database = '"
                      + database
                      + "' AND name = 'otel_logs' FORMAT JSONEachRow"))
          .hasSize(1);
    } finally {
      operator.stop();
    }
  }
}
