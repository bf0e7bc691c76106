package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tenant reconciliation's steps without any server: the database check, storage provisioning
 * and retention against a scripted storage, and how Ready summarises them.
 */
class TenantStepsTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final NextRetry RETRY = new NextRetry(2, Optional.of(Duration.ofSeconds(10)));

  /** Storage that records calls and fails when told to. */
  static final class ScriptedStorage implements TenantStorage {
    final List<String> calls = new ArrayList<>();
    RuntimeException schemaFailure;
    RuntimeException retentionFailure;

    @Override
    public void ensureSchema(String database) {
      calls.add("schema " + database);
      if (schemaFailure != null) {
        throw schemaFailure;
      }
    }

    @Override
    public List<RetentionAction> applyRetention(
        String database, Map<Signal, Duration> retention, Instant now) {
      calls.add("retention " + database + " " + retention.get(Signal.LOGS));
      if (retentionFailure != null) {
        throw retentionFailure;
      }
      return List.of(new RetentionAction("otel_logs", "drop", "2026-11-01"));
    }

    @Override
    public void dropDatabase(String database) {
      calls.add("drop " + database);
    }
  }

  static TelemetryTenant tenant(String name, String database) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    t.getMetadata().setGeneration(3L);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setDatabase(database);
    t.setSpec(spec);
    return t;
  }

  static Condition condition(TenantStatusDraft status, String type) {
    return status.conditions().get(type).orElseThrow();
  }

  @Test
  void anInvalidDerivedDatabaseNameStopsTheReconciliationWithAReason() {
    TelemetryTenant t = tenant("team-" + "x".repeat(58), null);
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status)).isFalse();
    assertThat(condition(status, "Ready").getReason()).isEqualTo("InvalidDatabaseName");
    assertThat(condition(status, "StorageReady").getMessage()).contains("set spec.database");
  }

  @Test
  void movingToAnotherDatabaseIsRefusedAndTheKnownDatabaseKept() {
    TelemetryTenant t = tenant("shop", "kt_elsewhere");
    t.setStatus(new io.kubetel.crds.tenant.TelemetryTenantStatus());
    t.getStatus().setDatabase("kt_shop");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status)).isFalse();
    assertThat(condition(status, "Ready").getReason()).isEqualTo("DatabaseChangeRefused");
    assertThat(status.build().getDatabase()).isEqualTo("kt_shop");
  }

  @Test
  void provisioningCreatesTheSchemaAppliesRetentionAndIsReady() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status)).isTrue();

    Optional<Duration> next =
        new StorageProvisioning(storage, Duration.ofHours(1)).provision(t, status, NOW, RETRY);
    status.summariseReady(new TreeMap<>(), null, new TreeSet<>(List.of("shop-later")), 2);

    assertThat(next).contains(Duration.ofHours(1));
    assertThat(storage.calls).containsExactly("schema kt_shop", "retention kt_shop PT336H");
    assertThat(condition(status, "StorageReady").isTrue()).isTrue();
    assertThat(condition(status, "RetentionApplied").getMessage()).contains("1 action(s)");
    Condition ready = condition(status, "Ready");
    assertThat(ready.isTrue()).isTrue();
    assertThat(ready.getMessage())
        .isEqualTo(
            "2 namespace(s), database kt_shop; listed namespaces that do not exist yet:"
                + " [shop-later]");
    assertThat(status.build().getLastRetentionRun()).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(status.build().getObservedGeneration()).isEqualTo(3L);
    assertThat(status.changed()).isTrue();
    assertThat(status.transitions())
        .extracting(Condition::getType)
        .containsExactly("Ready", "StorageReady", "RetentionApplied");
  }

  @Test
  void aSettledTenantCostsNoStorageCallUntilRetentionIsDue() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    StorageProvisioning provisioning = new StorageProvisioning(storage, Duration.ofHours(1));
    TenantStatusDraft first = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, first);
    provisioning.provision(t, first, NOW, RETRY);
    first.summariseReady(new TreeMap<>(), null, new TreeSet<>(), 1);
    t.setStatus(first.build());
    storage.calls.clear();

    TenantStatusDraft again = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, again);
    Optional<Duration> next =
        provisioning.provision(t, again, NOW.plus(Duration.ofMinutes(20)), RETRY);
    again.summariseReady(new TreeMap<>(), null, new TreeSet<>(), 1);

    assertThat(storage.calls).isEmpty();
    assertThat(next).contains(Duration.ofMinutes(40));
    assertThat(again.changed()).isFalse();
    assertThat(again.transitions()).isEmpty();
  }

  @Test
  void unreachableStorageIsRecordedWithTheComingRetryAndDominatesReady() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    storage.schemaFailure = new IllegalStateException("connection refused\nat port 8123");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, status);

    Optional<Duration> next =
        new StorageProvisioning(storage, Duration.ofHours(1)).provision(t, status, NOW, RETRY);
    status.summariseReady(new TreeMap<>(), null, new TreeSet<>(), 1);

    assertThat(next).isEmpty();
    assertThat(storage.calls).containsExactly("schema kt_shop");
    assertThat(condition(status, "StorageReady").getMessage())
        .isEqualTo(
            "ClickHouse is unreachable or failed: connection refused at port 8123; retrying in"
                + " 10s (attempt 2)");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("StorageUnavailable");
  }

  @Test
  void aFailedRetentionRunIsReportedAndDueAgainAtTheNextAttempt() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    storage.retentionFailure = new IllegalStateException("too many parts");
    StorageProvisioning provisioning = new StorageProvisioning(storage, Duration.ofHours(1));
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, status);
    status.retentionRan(NOW.minus(Duration.ofMinutes(5)));

    assertThat(provisioning.provision(t, status, NOW, RETRY)).isEmpty();
    status.summariseReady(new TreeMap<>(), null, new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("RetentionFailed");
    assertThat(condition(status, "Ready").getMessage()).contains("too many parts");

    t.setStatus(status.build());
    storage.retentionFailure = null;
    storage.calls.clear();
    TenantStatusDraft retry = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, retry);
    assertThat(provisioning.provision(t, retry, NOW.plusSeconds(10), RETRY)).isPresent();
    assertThat(storage.calls).contains("retention kt_shop PT336H");
  }

  @Test
  void aNamespaceConflictOutranksRefusedBindingsWhichOutrankStorage() {
    TelemetryTenant t = tenant("second", "kt_second");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    DatabaseCheck.accept(t, status);
    status.conditions().set("StorageReady", false, "StorageUnavailable", "down");

    status.summariseReady(
        new TreeMap<>(Map.of("shared", "first")), "forbidden", new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("NamespaceConflict");
    assertThat(condition(status, "Ready").getMessage()).contains("shared (owned by tenant first)");

    status.summariseReady(new TreeMap<>(), "forbidden", new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("ViewerBindingFailed");

    status.summariseReady(new TreeMap<>(), null, new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("StorageUnavailable");
    assertThat(condition(status, "Ready").getMessage()).isEqualTo("down");
  }
}
