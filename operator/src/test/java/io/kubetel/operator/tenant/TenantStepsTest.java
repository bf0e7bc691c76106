package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
  static final DatabaseNames NAMES = DatabaseNames.of("kubetel_system", Optional.of("otel_prod"));

  static TelemetryTenant tenant(String name, String database) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    t.getMetadata().setUid("uid-" + name);
    t.getMetadata().setGeneration(3L);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setDatabase(database);
    t.setSpec(spec);
    return t;
  }

  static Condition condition(TenantStatusDraft status, String type) {
    return status.conditions().get(type).orElseThrow();
  }

  /** The database check, then provisioning, as the reconciler runs them for a lone tenant. */
  static Optional<Duration> provision(
      StorageProvisioning provisioning, TelemetryTenant t, TenantStatusDraft status, Instant now) {
    DatabaseCheck.Choice choice = DatabaseCheck.accept(t, status, NAMES, List.of(t)).orElseThrow();
    return provisioning.provision(t, choice, status, now, name -> false, RETRY);
  }

  @Test
  void anInvalidSpecDatabaseIsStalledWithAReason() {
    TelemetryTenant t = tenant("shop", "shop-db");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status, NAMES, List.of(t))).isEmpty();
    assertThat(condition(status, "Ready").getReason()).isEqualTo("InvalidDatabaseName");
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("InvalidDatabaseName");
    assertThat(status.build().getObservedGeneration()).as("the spec was observed").isEqualTo(3L);
  }

  @Test
  void movingToAnotherDatabaseIsRefusedAndTheKnownDatabaseKept() {
    TelemetryTenant t = tenant("shop", "kt_elsewhere");
    t.setStatus(new TelemetryTenantStatus());
    t.getStatus().setDatabase("kt_shop");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status, NAMES, List.of(t))).isEmpty();
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("DatabaseChangeRefused");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("DatabaseChangeRefused");
    assertThat(status.build().getDatabase()).isEqualTo("kt_shop");
  }

  @Test
  void theDatabaseRecordedInStatusWinsOverAnyDerivation() {
    TelemetryTenant t = tenant("a-b", null);
    t.setStatus(new TelemetryTenantStatus());
    t.getStatus().setDatabase("kubetel_a_b"); // the previous release's derivation
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(DatabaseCheck.accept(t, status, NAMES, List.of(t)))
        .contains(new DatabaseCheck.Choice("kubetel_a_b", false));
    TelemetryTenant fresh = tenant("a-b", null);
    assertThat(DatabaseCheck.accept(fresh, TenantStatusDraft.start(fresh, CLOCK), NAMES, List.of()))
        .contains(new DatabaseCheck.Choice(DatabaseNames.derive("a-b"), false));
  }

  @Test
  void anotherTenantsRecordedDatabaseIsRefusedBeforeStorage() {
    TelemetryTenant owner = tenant("owner", "kt_owned");
    owner.setStatus(new TelemetryTenantStatus());
    owner.getStatus().setDatabase("kt_owned");
    TelemetryTenant thief = tenant("thief", "kt_owned");
    thief.getSpec().setAdoptExistingDatabase(true);
    TenantStatusDraft status = TenantStatusDraft.start(thief, CLOCK);
    assertThat(DatabaseCheck.accept(thief, status, NAMES, List.of(owner, thief))).isEmpty();
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("DatabaseOwnedByAnotherTenant");
    assertThat(condition(status, "Stalled").getMessage()).contains("tenant owner");
  }

  @Test
  void provisioningRecordsOwnershipCreatesTheSchemaAppliesRetentionAndIsReady() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);

    Optional<Duration> next =
        provision(new StorageProvisioning(storage, Duration.ofHours(1)), t, status, NOW);
    status.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(List.of("shop-later")), 2);

    assertThat(next).contains(Duration.ofHours(1));
    assertThat(storage.calls)
        .containsExactly(
            "owner kt_shop",
            "exists kt_shop",
            "record kt_shop shop CREATED",
            "schema kt_shop",
            "retention kt_shop PT336H");
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
    assertThat(status.build().getDatabase()).isEqualTo("kt_shop");
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
    provision(provisioning, t, first, NOW);
    first.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    t.setStatus(first.build());
    storage.calls.clear();

    TenantStatusDraft again = TenantStatusDraft.start(t, CLOCK);
    Optional<Duration> next = provision(provisioning, t, again, NOW.plus(Duration.ofMinutes(20)));
    again.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);

    assertThat(storage.calls).isEmpty();
    assertThat(next).contains(Duration.ofMinutes(40));
    assertThat(again.changed()).isFalse();
    assertThat(again.transitions()).isEmpty();
  }

  @Test
  void aProcessThatHasNotConfirmedTheOwnershipAsksOnceAndRecognisesThePreviousRelease() {
    // Ready and settled as the previous release left it, but no ownership record yet.
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage previous = new ScriptedStorage();
    TenantStatusDraft first = TenantStatusDraft.start(t, CLOCK);
    provision(new StorageProvisioning(previous, Duration.ofHours(1)), t, first, NOW);
    first.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    t.setStatus(first.build());

    ScriptedStorage storage = new ScriptedStorage();
    storage.databases.add("kt_shop");
    StorageProvisioning upgraded = new StorageProvisioning(storage, Duration.ofHours(1));
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    provision(upgraded, t, status, NOW.plus(Duration.ofMinutes(1)));
    assertThat(storage.calls).startsWith("owner kt_shop", "record kt_shop shop CREATED");
    assertThat(storage.calls).doesNotContain("exists kt_shop");
    storage.calls.clear();
    t.setStatus(status.build());
    provision(upgraded, t, TenantStatusDraft.start(t, CLOCK), NOW.plus(Duration.ofMinutes(2)));
    assertThat(storage.calls).as("confirmed once per process").isEmpty();
  }

  @Test
  void unreachableStorageIsRecordedWithTheComingRetryButNotItsRawMessage() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    storage.schemaFailure =
        new StoreUnavailableException(
            "ClickHouse is unreachable (execute): Connect to ch-0.ch.internal:8123 failed", null);
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);

    Optional<Duration> next =
        provision(new StorageProvisioning(storage, Duration.ofHours(1)), t, status, NOW);
    status.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    status.retrying();

    assertThat(next).isEmpty();
    assertThat(storage.calls).endsWith("schema kt_shop");
    assertThat(condition(status, "StorageReady").getMessage())
        .isEqualTo(
            "cannot provision database kt_shop: ClickHouse cannot be reached or did not answer in"
                + " time; retrying in 10s (attempt 2)");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("StorageUnavailable");
    assertThat(status.build().getDatabase()).as("ownership is established").isEqualTo("kt_shop");
    assertThat(status.build().getObservedGeneration()).as("not done").isNull();
  }

  @Test
  void aFailedRetentionRunIsReportedAndDueAgainAtTheNextAttempt() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    ScriptedStorage storage = new ScriptedStorage();
    storage.retentionFailure =
        new ClickHouseQueryException(252, "execute", new IllegalStateException("Too many parts"));
    StorageProvisioning provisioning = new StorageProvisioning(storage, Duration.ofHours(1));
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    status.retentionRan(NOW.minus(Duration.ofMinutes(5)));

    assertThat(provision(provisioning, t, status, NOW)).isEmpty();
    status.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    status.retrying();
    assertThat(condition(status, "Ready").getReason()).isEqualTo("RetentionFailed");
    assertThat(condition(status, "Ready").getMessage())
        .contains("ClickHouse refused the statement (error 252)")
        .doesNotContain("Too many parts");

    t.setStatus(status.build());
    storage.retentionFailure = null;
    storage.calls.clear();
    TenantStatusDraft retry = TenantStatusDraft.start(t, CLOCK);
    assertThat(provision(provisioning, t, retry, NOW.plusSeconds(10))).isPresent();
    assertThat(storage.calls).contains("retention kt_shop PT336H");
  }

  @Test
  void aRetentionUnderAnHourIsStalledNamingEachField() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    t.getSpec().getRetention().setLogs("1ms");
    t.getSpec().getRetention().setTraces("59m");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    assertThat(RetentionPolicy.accept(t.getSpec().getRetention(), status)).isFalse();
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("RetentionTooShort");
    assertThat(condition(status, "Ready").getMessage())
        .contains("spec.retention.traces is 59m", "spec.retention.logs is 1ms", "at least 1h");

    t.getSpec().getRetention().setLogs("1h");
    t.getSpec().getRetention().setTraces("90m");
    assertThat(
            RetentionPolicy.accept(t.getSpec().getRetention(), TenantStatusDraft.start(t, CLOCK)))
        .isTrue();
    t.getSpec().getRetention().setLogs("1 week");
    TenantStatusDraft invalid = TenantStatusDraft.start(t, CLOCK);
    assertThat(RetentionPolicy.accept(t.getSpec().getRetention(), invalid)).isFalse();
    assertThat(condition(invalid, "Stalled").getReason()).isEqualTo("InvalidRetention");
  }

  @Test
  void aStalledConditionGoesOnceTheTenantCanProgress() {
    TelemetryTenant t = tenant("shop", "kt_shop");
    TenantStatusDraft stalled = TenantStatusDraft.start(t, CLOCK);
    stalled.stalled("RetentionTooShort", "fix it");
    t.setStatus(stalled.build());
    assertThat(t.getStatus().getConditions()).extracting(Condition::getType).contains("Stalled");

    TenantStatusDraft fixed = TenantStatusDraft.start(t, CLOCK);
    fixed.conditions().set("StorageReady", true, "DatabaseReady", "ok");
    fixed.conditions().set("RetentionApplied", true, "RetentionApplied", "ok");
    fixed.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    assertThat(condition(fixed, "Ready").isTrue()).isTrue();
    assertThat(fixed.build().getConditions())
        .extracting(Condition::getType)
        .doesNotContain("Stalled");
  }

  @Test
  void aNamespaceConflictOutranksRefusedBindingsWhichOutrankStorage() {
    TelemetryTenant t = tenant("second", "kt_second");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    status.conditions().set("StorageReady", false, "StorageUnavailable", "down");

    status.summariseReady(
        new TreeMap<>(Map.of("shared", "first")), "forbidden", "no role", new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("NamespaceConflict");
    assertThat(condition(status, "Ready").getMessage()).contains("shared (owned by tenant first)");

    status.summariseReady(new TreeMap<>(), "forbidden", null, new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("ViewerBindingFailed");

    status.summariseReady(new TreeMap<>(), null, "no role", new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getReason()).isEqualTo("StorageUnavailable");
    assertThat(condition(status, "Ready").getMessage()).isEqualTo("down");
  }

  @Test
  void aMissingViewerRoleStallsAnOtherwiseReadyTenant() {
    TelemetryTenant t = tenant("roleless", "kt_roleless");
    TenantStatusDraft status = TenantStatusDraft.start(t, CLOCK);
    status.conditions().set("StorageReady", true, "DatabaseReady", "ok");
    status.conditions().set("RetentionApplied", true, "RetentionApplied", "ok");

    status.summariseReady(new TreeMap<>(), null, "install it", new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getStatus().name()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("ViewerRoleMissing");
    assertThat(condition(status, "Stalled").getReason()).isEqualTo("ViewerRoleMissing");
    assertThat(condition(status, "Stalled").getMessage()).isEqualTo("install it");

    status.summariseReady(new TreeMap<>(), null, null, new TreeSet<>(), 1);
    assertThat(condition(status, "Ready").getStatus().name()).isEqualTo("True");
  }
}
