package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.MockCluster;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwnership;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrading from the release before issue 8 loses nothing. The test first makes what that release
 * left behind: TelemetryTenants with the status it wrote (database from its derivation {@code
 * kubetel_<name>} or spec, Ready, the finalizer), databases created by the same schema call with
 * rows in them, two tenants whose names derived one shared database, and objects the schema now
 * refuses (no spec, a 1ms retention). Then it starts the current operator on them: every database
 * name recorded in status is kept and its ownership recorded, the refused objects get a {@code
 * Stalled} condition saying what to change, no row is lost, and a tenant with deletionPolicy Delete
 * still drops the database it was provisioned with.
 */
@EnableKubernetesMockClient(crud = true)
class TenantUpgradeIT {

  /** The finalizer the previous release (JOSDK's default name) put on every tenant. */
  static final String FINALIZER = "telemetrytenants.kubetel.io/finalizer";

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String run;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    run = MockCluster.uniqueName("up").substring(2); // 8 hex digits
  }

  @AfterAll
  static void dropDatabases() {
    for (var row :
        gateway.select(
            "SELECT name FROM system.databases WHERE name LIKE '%up_"
                + run
                + "%' FORMAT JSONEachRow")) {
      gateway.execute("DROP DATABASE IF EXISTS " + row.get("name").asText());
    }
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  /** The previous release's derived name: {@code kubetel_} + the name, '-' and '.' as '_'. */
  static String previousDerivation(String tenant) {
    return "kubetel_" + tenant.replace('-', '_').replace('.', '_');
  }

  /** A Ready status as the previous release wrote it for {@code database}. */
  static TelemetryTenantStatus previousStatus(String database, String namespace) {
    String at =
        Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS).toString();
    TelemetryTenantStatus s = new TelemetryTenantStatus();
    s.setDatabase(database);
    s.setResolvedNamespaces(new ArrayList<>(List.of(namespace)));
    s.setLastRetentionRun(at);
    s.setObservedGeneration(1L);
    s.setConditions(
        new ArrayList<>(
            List.of(
                new Condition(
                    "Ready",
                    ConditionStatus.True,
                    "Ready",
                    "1 namespace(s), database " + database,
                    1L,
                    at),
                new Condition(
                    "StorageReady",
                    ConditionStatus.True,
                    "DatabaseReady",
                    "database " + database + " and its telemetry tables exist",
                    1L,
                    at),
                new Condition(
                    "RetentionApplied",
                    ConditionStatus.True,
                    "RetentionApplied",
                    "retention metrics=30d traces=7d logs=14d applied; 0 action(s) in the last run",
                    1L,
                    at))));
    return s;
  }

  /**
   * Stores {@code tenant} with {@code status} and the finalizer, as the previous release left it.
   */
  static void stored(TelemetryTenant tenant, TelemetryTenantStatus status) {
    tenant.getMetadata().setFinalizers(List.of(FINALIZER));
    MockCluster.namespace(client, tenant.getMetadata().getName() + "-ns");
    TelemetryTenant created = client.resource(tenant).create();
    created.setStatus(status);
    client.resource(created).updateStatus();
  }

  static TelemetryTenant tenant(String name, String specDatabase, DeletionPolicy policy) {
    TelemetryTenant t = TenantFixtures.tenant(name, specDatabase, List.of(name + "-ns"));
    t.getSpec().setDeletionPolicy(policy);
    return t;
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  @Test
  void tenantsOfThePreviousReleaseKeepTheirDatabasesAndData() {
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    Instant recent = Instant.now().minus(Duration.ofHours(2));
    String derivedOwner = "up-" + run + "-a-b";
    String derivedTwin = "up-" + run + "-a.b";
    String shared = previousDerivation(derivedOwner);
    assertThat(previousDerivation(derivedTwin))
        .as("the collision being upgraded")
        .isEqualTo(shared);
    String named = "up-" + run + "-shop";
    String namedDb = "kt_up_" + run + "_shop";
    String brief = "up-" + run + "-brief";
    String briefDb = "kt_up_" + run + "_brief";
    String bare = "up-" + run + "-bare";

    // What the previous release left: databases from its schema call, rows from collectors.
    TenantFixtures.collectorDatabase(gateway, shared, recent);
    TenantFixtures.collectorDatabase(gateway, namedDb, recent);
    TenantFixtures.collectorDatabase(gateway, briefDb, twoDaysAgo, recent);
    stored(
        tenant(derivedOwner, null, DeletionPolicy.Retain),
        previousStatus(shared, derivedOwner + "-ns"));
    stored(
        tenant(derivedTwin, null, DeletionPolicy.Delete),
        previousStatus(shared, derivedTwin + "-ns"));
    stored(tenant(named, namedDb, DeletionPolicy.Delete), previousStatus(namedDb, named + "-ns"));
    TelemetryTenant briefTenant = tenant(brief, briefDb, DeletionPolicy.Retain);
    briefTenant.getSpec().getRetention().setLogs("1ms");
    stored(briefTenant, previousStatus(briefDb, brief + "-ns"));
    TelemetryTenant bareTenant = new TelemetryTenant();
    bareTenant.getMetadata().setName(bare);
    bareTenant.setSpec(null);
    TelemetryTenantStatus failed = new TelemetryTenantStatus();
    failed.setConditions(
        new ArrayList<>(
            List.of(
                new Condition(
                    "Ready",
                    ConditionStatus.False,
                    "ReconcileFailed",
                    "reconcile failed: NullPointerException; retrying in 5s (attempt 1)",
                    1L,
                    recent.truncatedTo(ChronoUnit.SECONDS).toString()))));
    stored(bareTenant, failed);

    // The upgrade: the current operator starts on all of it.
    TenantStorage storage = TenantFixtures.clickHouseStorage(gateway);
    Operator operator = TenantFixtures.startOperator(client, storage);
    try {
      awaitCondition(() -> condition(derivedOwner, "Ready"), "True", null, shared);
      awaitCondition(() -> condition(named, "Ready"), "True", null, namedDb);
      awaitCondition(
          () -> condition(derivedTwin, "Stalled"), "True", "DatabaseOwnedByAnotherTenant");
      awaitCondition(() -> condition(brief, "Stalled"), "True", "RetentionTooShort", "1ms");
      awaitCondition(() -> condition(bare, "Stalled"), "True", "SpecMissing");
      assertThat(condition(bare, "Ready").getReason()).isEqualTo("SpecMissing");

      // Names recorded in status are kept (no new derivation for existing tenants) ...
      assertThat(TenantFixtures.get(client, derivedOwner).getStatus().getDatabase())
          .isEqualTo(shared);
      assertThat(TenantFixtures.get(client, derivedTwin).getStatus().getDatabase())
          .isEqualTo(shared);
      assertThat(TenantFixtures.get(client, named).getStatus().getDatabase()).isEqualTo(namedDb);
      // ... and recognised as created by the previous release for their tenant.
      DatabaseOwnership ownership =
          new DatabaseOwnership(gateway, TenantFixtures.SYSTEM_DATABASE, Clock.systemUTC());
      assertThat(ownership.find(shared))
          .map(o -> o.tenant() + " " + o.mode())
          .contains(derivedOwner + " " + DatabaseOwner.Mode.CREATED);
      assertThat(ownership.find(namedDb))
          .map(o -> o.tenant() + " " + o.mode())
          .contains(named + " " + DatabaseOwner.Mode.CREATED);
      assertThat(ownership.find(briefDb)).as("refused before any storage step").isEmpty();
      // No row lost anywhere; the 1ms retention expired nothing.
      assertThat(TenantTables.rows(gateway, shared, "otel_logs")).isEqualTo(1);
      assertThat(TenantTables.rows(gateway, namedDb, "otel_logs")).isEqualTo(1);
      assertThat(TenantTables.rows(gateway, briefDb, "otel_logs")).isEqualTo(2);

      // Deleting with Delete: the recognised database goes; the shared one stays with its owner.
      client.resources(TelemetryTenant.class).withName(named).delete();
      client.resources(TelemetryTenant.class).withName(derivedTwin).delete();
      client.resources(TelemetryTenant.class).withName(bare).delete();
      eventually(
          () -> {
            assertThat(TenantFixtures.get(client, named)).isNull();
            assertThat(TenantFixtures.get(client, derivedTwin)).isNull();
            assertThat(TenantFixtures.get(client, bare)).isNull();
          });
      assertThat(TenantFixtures.databaseExists(gateway, namedDb)).isFalse();
      assertThat(ownership.find(namedDb)).isEmpty();
      assertThat(TenantTables.rows(gateway, shared, "otel_logs")).isEqualTo(1);
      assertThat(condition(derivedOwner, "Ready").isTrue()).isTrue();
      Optional<TelemetryTenant> owner =
          Optional.ofNullable(TenantFixtures.get(client, derivedOwner));
      assertThat(owner.map(t -> t.getMetadata().getFinalizers())).contains(List.of(FINALIZER));
    } finally {
      operator.stop();
    }
  }
}
