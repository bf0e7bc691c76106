package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static io.kubetel.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No tenant destroys data it does not own (mock API server, real local ClickHouse): reserved
 * databases, another tenant's database, an existing or adopted database and the database a spec
 * edit points at are never dropped, whatever the deletion policy, and their rows are still there
 * afterwards; two tenant names that used to derive the same database get two.
 */
@EnableKubernetesMockClient(crud = true)
class TenantDatabaseSafetyIT {

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String prefix;

  Operator operator;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_safeit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(
        gateway, prefix, "kubetel_" + prefix.substring("kt_".length()));
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  @BeforeEach
  void startOperator() {
    operator = TenantFixtures.startOperator(client, TenantFixtures.clickHouseStorage(gateway));
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  /** Waits for Stalled=True and Ready=False, both with {@code reason}. */
  static void awaitStalled(String tenant, String reason, String... messageParts) {
    awaitCondition(() -> condition(tenant, "Stalled"), "True", reason, messageParts);
    awaitCondition(() -> condition(tenant, "Ready"), "False", reason, messageParts);
  }

  static TelemetryTenant deleting(String name, String database, String namespace) {
    MockCluster.namespace(client, namespace);
    TelemetryTenant t = tenant(name, database, List.of(namespace));
    t.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    return t;
  }

  static void deleteAndAwaitGone(String name) {
    client.resources(TelemetryTenant.class).withName(name).delete();
    eventually(() -> assertThat(TenantFixtures.get(client, name)).isNull());
  }

  static long logRows(String database) {
    return TenantTables.rows(gateway, database, "otel_logs");
  }

  /** A table of someone else's in {@code database}, with one row, to see it survive. */
  static String sentinel(String database) {
    String table = database + "." + prefix + "sentinel";
    gateway.execute("CREATE DATABASE IF NOT EXISTS " + database);
    gateway.execute("CREATE TABLE IF NOT EXISTS " + table + " (x UInt8) ENGINE = TinyLog");
    gateway.execute("INSERT INTO " + table + " VALUES (1)");
    return table;
  }

  static long count(String table) {
    return gateway
        .select("SELECT count() AS c FROM " + table + " FORMAT JSONEachRow")
        .get(0)
        .get("c")
        .asLong();
  }

  @Test
  void reservedDatabasesAreRefusedAndKeepTheirData() {
    boolean otelExisted = TenantFixtures.databaseExists(gateway, "otel");
    String inOtel = sentinel("otel");
    String inDefault = sentinel("default");
    try {
      client.resource(deleting("res-otel", "otel", "res-otel-ns")).create();
      client.resource(deleting("res-default", "default", "res-default-ns")).create();
      client.resource(deleting("res-system", "system", "res-system-ns")).create();
      awaitStalled("res-otel", "DatabaseReserved", "otel", "adoptExistingDatabase");
      awaitStalled("res-default", "DatabaseReserved", "default");
      awaitStalled("res-system", "DatabaseReserved", "system");
      assertThat(TenantFixtures.get(client, "res-otel").getStatus().getDatabase()).isNull();

      deleteAndAwaitGone("res-otel");
      deleteAndAwaitGone("res-default");
      deleteAndAwaitGone("res-system");
      assertThat(count(inOtel)).as("otel keeps its data").isEqualTo(1);
      assertThat(count(inDefault)).as("default keeps its data").isEqualTo(1);
      assertThat(count("system.one")).as("system is untouched").isEqualTo(1);
      // Refused before any storage work: nothing was created in them either.
      assertThat(TenantTables.rowsOrMissing(gateway, "default", "otel_logs")).isEmpty();
    } finally {
      gateway.execute("DROP TABLE IF EXISTS " + inDefault);
      gateway.execute("DROP TABLE IF EXISTS " + inOtel);
      if (!otelExisted) {
        gateway.execute("DROP DATABASE IF EXISTS otel");
      }
    }
  }

  @Test
  void anotherTenantsDatabaseIsRefusedAndKeepsItsData() {
    String owned = prefix + "owned";
    MockCluster.namespace(client, "owner-ns");
    client.resource(tenant("owner", owned, List.of("owner-ns"))).create();
    awaitCondition(() -> condition("owner", "Ready"), "True", null);
    TenantFixtures.collectorDatabase(gateway, owned, Instant.now());

    client.resource(deleting("thief", owned, "thief-ns")).create();
    TelemetryTenant adopter = deleting("adopter", owned, "adopter-ns");
    adopter.getSpec().setAdoptExistingDatabase(true);
    client.resource(adopter).create();
    awaitStalled("thief", "DatabaseOwnedByAnotherTenant", owned, "tenant owner");
    awaitStalled("adopter", "DatabaseOwnedByAnotherTenant", owned, "tenant owner");

    deleteAndAwaitGone("thief");
    deleteAndAwaitGone("adopter");
    assertThat(logRows(owned)).as("the owner's data").isEqualTo(1);
    assertThat(condition("owner", "Ready").isTrue()).isTrue();
  }

  @Test
  void anExistingDatabaseIsTakenOnlyByAdoptionAndAnAdoptedOneIsNeverDropped() {
    String collector = prefix + "collector";
    Instant now = Instant.now();
    TenantFixtures.collectorDatabase(
        gateway, collector, now.minus(Duration.ofDays(10)), now.minus(Duration.ofHours(2)));

    client.resource(deleting("squatter", collector, "squatter-ns")).create();
    awaitStalled("squatter", "DatabaseExists", collector, "adoptExistingDatabase: true");
    deleteAndAwaitGone("squatter");
    assertThat(logRows(collector)).as("not taken, not dropped").isEqualTo(2);

    TelemetryTenant adopter = deleting("keeper", collector, "keeper-ns");
    adopter.getSpec().setAdoptExistingDatabase(true);
    adopter.getSpec().getRetention().setLogs("3d");
    client.resource(adopter).create();
    awaitCondition(() -> condition("keeper", "Ready"), "True", null, "adopted");
    assertThat(condition("keeper", "RetentionApplied").isTrue()).isTrue();
    if (new ClickHouseSchemaManager(gateway).layout() == SchemaLayout.MODERN) {
      assertThat(TenantTables.createStatement(gateway, collector, "otel_logs"))
          .contains("toIntervalSecond(259200)");
    } else {
      // COMPAT: the 10-day-old partition was dropped, the recent row kept.
      assertThat(logRows(collector)).isEqualTo(1);
    }

    deleteAndAwaitGone("keeper");
    assertThat(TenantFixtures.databaseExists(gateway, collector))
        .as("an adopted database survives deletionPolicy Delete")
        .isTrue();
    assertThat(logRows(collector)).isPositive();
  }

  @Test
  void cleanupDropsTheDatabaseTheTenantWasProvisionedWithNotTheSpecOne() {
    String provisioned = prefix + "mover";
    String victim = prefix + "victim";
    TenantFixtures.collectorDatabase(gateway, victim, Instant.now());
    client.resource(deleting("mover", provisioned, "mover-ns")).create();
    awaitCondition(() -> condition("mover", "Ready"), "True", null);

    // kube-apiserver's CEL rule forbids this edit; the mock server does not, the operator must.
    client
        .resources(TelemetryTenant.class)
        .withName("mover")
        .edit(
            t -> {
              t.getSpec().setDatabase(victim);
              return t;
            });
    awaitStalled("mover", "DatabaseChangeRefused", provisioned, victim);

    deleteAndAwaitGone("mover");
    assertThat(TenantFixtures.databaseExists(gateway, provisioned)).as("dropped").isFalse();
    assertThat(logRows(victim)).as("the spec's database keeps its data").isEqualTo(1);
  }

  @Test
  void namesThatDerivedOneDatabaseGetTwoAndAddingOneLaterIsRefused() {
    String base = prefix.substring("kt_".length()).replace('_', '-') + "a";
    String dashed = base + "-b";
    String dotted = base + ".b";
    client.resource(deleting(dashed, null, "dashed-ns")).create();
    client.resource(deleting(dotted, null, "dotted-ns")).create();
    awaitCondition(() -> condition(dashed, "Ready"), "True", null);
    awaitCondition(() -> condition(dotted, "Ready"), "True", null);
    String dashedDb = TenantFixtures.get(client, dashed).getStatus().getDatabase();
    String dottedDb = TenantFixtures.get(client, dotted).getStatus().getDatabase();
    assertThat(dashedDb).isNotEqualTo(dottedDb).startsWith("kubetel_");
    assertThat(dottedDb).startsWith("kubetel_");

    // Adding spec.database to a tenant created without one would move it: refused.
    client
        .resources(TelemetryTenant.class)
        .withName(dotted)
        .edit(
            t -> {
              t.getSpec().setDatabase(dashedDb);
              return t;
            });
    awaitStalled(dotted, "DatabaseChangeRefused", dottedDb, dashedDb);

    TenantFixtures.collectorDatabase(gateway, dashedDb, Instant.now());
    deleteAndAwaitGone(dotted);
    assertThat(TenantFixtures.databaseExists(gateway, dottedDb)).isFalse();
    assertThat(logRows(dashedDb)).as("the other tenant's data").isEqualTo(1);
    deleteAndAwaitGone(dashed);
    assertThat(TenantFixtures.databaseExists(gateway, dashedDb)).isFalse();
  }
}
