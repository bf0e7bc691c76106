package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.ReconcileLog;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specs the schema now refuses, as objects stored before it did, and a failed retention run (mock
 * API server, real local ClickHouse): a retention under 1h and a missing spec are reported with a
 * condition saying what to change, change no data and are not retried in a loop; a retention that
 * fails after a spec change leaves observedGeneration behind and is retried at once.
 */
@EnableKubernetesMockClient(crud = true)
class TenantSpecSafetyIT {

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String prefix;

  /** Retries after 300 ms, doubling up to 2 s: a retry loop would show within seconds. */
  static final ExponentialBackoff QUICK =
      new ExponentialBackoff(Duration.ofMillis(300), Duration.ofSeconds(2));

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_specit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(gateway, prefix);
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  /** Storage whose retention fails while {@link #failRetention} is set; remembers each call. */
  static final class FlakyRetention extends DelegatingStorage {
    private final TenantStorage delegate;
    volatile boolean failRetention;
    final List<String> retentionCalls = new CopyOnWriteArrayList<>();

    FlakyRetention(TenantStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    TenantStorage current() {
      return delegate;
    }

    @Override
    public List<RetentionAction> applyRetention(
        String database, Map<Signal, Duration> retention, Instant now) {
      retentionCalls.add(database + " logs=" + retention.get(Signal.LOGS));
      if (failRetention) {
        throw new IllegalStateException("Code: 252. DB::Exception: Too many parts (300)");
      }
      return super.applyRetention(database, retention, now);
    }
  }

  static void awaitStalled(String tenant, String reason, String... messageParts) {
    awaitCondition(
        () -> TenantFixtures.condition(client, tenant, "Stalled"), "True", reason, messageParts);
    awaitCondition(
        () -> TenantFixtures.condition(client, tenant, "Ready"), "False", reason, messageParts);
  }

  @Test
  void aRetentionBelowAnHourIsReportedAndExpiresNothing() {
    String db = prefix + "brief";
    Instant now = Instant.now();
    TenantFixtures.collectorDatabase(
        gateway, db, now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(2)));
    ReconcileLog log = new ReconcileLog();
    Operator operator =
        TenantFixtures.startOperator(client, QUICK, log, TenantFixtures.clickHouseStorage(gateway));
    try {
      MockCluster.namespace(client, "brief-ns");
      // Stored before the schema had its minimum (the mock server does not run CEL).
      TelemetryTenant t = TenantFixtures.tenant("brief", db, List.of("brief-ns"));
      t.getSpec().setAdoptExistingDatabase(true);
      t.getSpec().getRetention().setLogs("1ms");
      client.resource(t).create();

      awaitStalled("brief", "RetentionTooShort", "spec.retention.logs", "1ms", "at least 1h");
      assertThat(TenantTables.rows(gateway, db, "otel_logs")).as("no row expired").isEqualTo(2);
      if (new ClickHouseSchemaManager(gateway).layout() == SchemaLayout.MODERN) {
        assertThat(TenantTables.createStatement(gateway, db, "otel_logs")).doesNotContain("TTL");
      }
      assertThat(log.failures("brief")).as("a spec error is not retried").isEmpty();

      client
          .resources(TelemetryTenant.class)
          .withName("brief")
          .edit(
              x -> {
                x.getSpec().getRetention().setLogs("30d");
                return x;
              });
      awaitCondition(() -> TenantFixtures.condition(client, "brief", "Ready"), "True", null);
      assertThat(TenantFixtures.get(client, "brief").getStatus().getConditions())
          .noneSatisfy(c -> assertThat(c.getType()).isEqualTo("Stalled"));
      assertThat(TenantTables.rows(gateway, db, "otel_logs")).isEqualTo(2);
    } finally {
      operator.stop();
    }
  }

  @Test
  void aTenantWithoutSpecGetsAConditionNotARetryLoop() throws InterruptedException {
    ReconcileLog log = new ReconcileLog();
    Operator operator =
        TenantFixtures.startOperator(client, QUICK, log, TenantFixtures.clickHouseStorage(gateway));
    try {
      TelemetryTenant bare = new TelemetryTenant();
      bare.getMetadata().setName("bare");
      bare.setSpec(null);
      client.resource(bare).create();

      awaitStalled("bare", "SpecMissing", "spec");
      // Other tenants of this class settling wake it as a peer; wait until they are quiet.
      int reconciled;
      do {
        reconciled = log.reconciliations("bare");
        Thread.sleep(1_500);
      } while (log.reconciliations("bare") != reconciled);
      Thread.sleep(3_000); // a retry loop on the quick backoff would reconcile again meanwhile
      assertThat(log.failures("bare")).isEmpty();
      assertThat(log.reconciliations("bare")).isEqualTo(reconciled);
    } finally {
      operator.stop();
    }
  }

  @Test
  void aFailedRetentionAfterASpecChangeKeepsTheGenerationAndIsRetried() {
    String db = prefix + "retry";
    FlakyRetention storage = new FlakyRetention(TenantFixtures.clickHouseStorage(gateway));
    Operator operator = TenantFixtures.startOperator(client, QUICK, storage);
    try {
      MockCluster.namespace(client, "retry-ns");
      client.resource(TenantFixtures.tenant("retry", db, List.of("retry-ns"))).create();
      awaitCondition(() -> TenantFixtures.condition(client, "retry", "Ready"), "True", null);
      long done = TenantFixtures.get(client, "retry").getStatus().getObservedGeneration();

      storage.failRetention = true;
      TelemetryTenant edited =
          client
              .resources(TelemetryTenant.class)
              .withName("retry")
              .edit(
                  x -> {
                    x.getSpec().getRetention().setLogs("2d");
                    return x;
                  });
      long changed = edited.getMetadata().getGeneration();
      assertThat(changed).isGreaterThan(done);
      awaitCondition(
          () -> TenantFixtures.condition(client, "retry", "RetentionApplied"),
          "False",
          "RetentionFailed",
          "(attempt 2)");
      TelemetryTenant failing = TenantFixtures.get(client, "retry");
      assertThat(failing.getStatus().getObservedGeneration())
          .as("the new spec is not done")
          .isEqualTo(done);
      assertThat(TenantFixtures.condition(client, "retry", "Ready").getMessage())
          .as("status carries no raw ClickHouse error")
          .doesNotContain("DB::Exception", "Code: 252");

      storage.failRetention = false;
      // Well within the hourly retention interval: the retry itself runs retention again.
      eventually(
          Duration.ofSeconds(15),
          () -> {
            TelemetryTenant t = TenantFixtures.get(client, "retry");
            assertThat(TenantFixtures.condition(client, "retry", "Ready").isTrue()).isTrue();
            assertThat(t.getStatus().getObservedGeneration()).isEqualTo(changed);
          });
      assertThat(storage.retentionCalls).last().isEqualTo(db + " logs=PT48H");
    } finally {
      operator.stop();
    }
  }
}
