package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.Retention;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwner.Mode;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage steps of a tenant reconciliation: establish that the database is the tenant's ({@link
 * DatabaseClaim}, recording ownership before anything is created), create its database and tables
 * ({@code StorageReady}), then apply its retention ({@code RetentionApplied}, {@code
 * lastRetentionRun}). Storage is only contacted when something may have changed (spec, database, an
 * earlier failure, an ownership not yet confirmed by this process) or retention is due, so
 * namespace and peer-tenant events cost no ClickHouse query. Failures are recorded on the status,
 * never thrown: the reconciler decides about the retry.
 */
final class StorageProvisioning {
  private static final Logger log = LoggerFactory.getLogger(StorageProvisioning.class);

  private final TenantStorage storage;
  private final Duration retentionInterval;

  /** Claims confirmed by this process, by tenant uid and database: the mode they were made in. */
  private final Map<String, Mode> confirmed = new ConcurrentHashMap<>();

  /** ClickHouse has no transactions: claims (check, then record) run one at a time. */
  private final Object claims = new Object();

  StorageProvisioning(TenantStorage storage, Duration retentionInterval) {
    this.storage = storage;
    this.retentionInterval = retentionInterval;
  }

  /**
   * Claims the tenant's database, provisions it and applies retention when due.
   *
   * @param tenantExists whether a tenant of that name exists (for ownership records of others)
   * @param retry what happens if this fails, for the messages
   * @return the time until retention is due again, or empty when the claim was refused (the status
   *     is then stalled) or storage or retention failed (the conditions say which)
   */
  Optional<Duration> provision(
      TelemetryTenant tenant,
      DatabaseCheck.Choice choice,
      TenantStatusDraft status,
      Instant now,
      Predicate<String> tenantExists,
      NextRetry retry) {
    String name = tenant.getMetadata().getName();
    String database = choice.database();
    TelemetryTenantStatus before = status.before();
    Mode known = confirmed.get(key(tenant, database));
    boolean settled =
        known != null
            && !RetentionPolicy.due(before, status.generation(), now, retentionInterval)
            && database.equals(before.getDatabase())
            && ConditionSet.find(before.getConditions(), ConditionTypes.STORAGE_READY)
                .map(c -> c.isTrue())
                .orElse(false);
    if (settled) {
      status.database(database, known == Mode.ADOPTED);
      return Optional.of(
          RetentionPolicy.untilNext(before.getLastRetentionRun(), now, retentionInterval));
    }
    Mode mode;
    try {
      Optional<Mode> claimed = claim(tenant, choice, status, tenantExists);
      if (claimed.isEmpty()) {
        return Optional.empty();
      }
      mode = claimed.get();
      status.database(database, mode == Mode.ADOPTED);
      storage.ensureSchema(database);
    } catch (RuntimeException e) {
      String message =
          "cannot provision database "
              + database
              + ": "
              + FailureText.storage(e)
              + "; "
              + retry.describe();
      status.conditions().set(ConditionTypes.STORAGE_READY, false, "StorageUnavailable", message);
      log.warn(
          "event=tenant_storage_failed tenant={} database={} attempt={} error={}",
          name,
          database,
          retry.attempt(),
          ErrorText.describe(e));
      return Optional.empty();
    }
    confirmed.put(key(tenant, database), mode);
    status
        .conditions()
        .set(
            ConditionTypes.STORAGE_READY,
            true,
            mode == Mode.ADOPTED ? "DatabaseAdopted" : "DatabaseReady",
            "database "
                + database
                + (mode == Mode.ADOPTED ? " (adopted)" : "")
                + " and its telemetry tables exist");
    return applyRetention(tenant, database, status, now, retry);
  }

  /** The claim's mode, or empty when it was refused (the status is stalled). */
  private Optional<Mode> claim(
      TelemetryTenant tenant,
      DatabaseCheck.Choice choice,
      TenantStatusDraft status,
      Predicate<String> tenantExists) {
    String name = tenant.getMetadata().getName();
    String uid = tenant.getMetadata().getUid();
    String database = choice.database();
    synchronized (claims) {
      DatabaseClaim.Decision decision =
          DatabaseClaim.decide(
              name,
              uid,
              choice,
              database.equals(status.before().getDatabase()),
              storage.owner(database),
              () -> storage.databaseExists(database),
              tenantExists);
      if (decision instanceof DatabaseClaim.Refuse refuse) {
        status.stalled(refuse.reason(), refuse.message());
        log.warn(
            "event=tenant_database_refused tenant={} database={} reason={}",
            name,
            database,
            refuse.reason());
        return Optional.empty();
      }
      DatabaseClaim.Use use = (DatabaseClaim.Use) decision;
      if (use.record()) {
        storage.recordOwner(new DatabaseOwner(database, name, uid, use.mode(), null));
        if (use.recognised()) {
          log.info(
              "event=database_ownership_recognised tenant={} database={} reason=recorded_in_status",
              name,
              database);
        }
      }
      return Optional.of(use.mode());
    }
  }

  private Optional<Duration> applyRetention(
      TelemetryTenant tenant,
      String database,
      TenantStatusDraft status,
      Instant now,
      NextRetry retry) {
    Retention retention = tenant.getSpec().getRetention();
    try {
      List<RetentionAction> actions =
          storage.applyRetention(database, RetentionPolicy.perSignal(retention), now);
      status.retentionRan(now);
      status
          .conditions()
          .set(
              ConditionTypes.RETENTION_APPLIED,
              true,
              "RetentionApplied",
              "retention metrics="
                  + retention.getMetrics()
                  + " traces="
                  + retention.getTraces()
                  + " logs="
                  + retention.getLogs()
                  + " applied; "
                  + actions.size()
                  + " action(s) in the last run");
      if (!actions.isEmpty()) {
        log.info(
            "event=retention_applied tenant={} database={} actions={}",
            tenant.getMetadata().getName(),
            database,
            actions.size());
      }
      return Optional.of(retentionInterval);
    } catch (RuntimeException e) {
      status
          .conditions()
          .set(
              ConditionTypes.RETENTION_APPLIED,
              false,
              "RetentionFailed",
              "retention failed: " + FailureText.storage(e) + "; " + retry.describe());
      log.warn(
          "event=retention_failed tenant={} database={} attempt={} error={}",
          tenant.getMetadata().getName(),
          database,
          retry.attempt(),
          ErrorText.describe(e));
      return Optional.empty();
    }
  }

  /** Forgets what this process confirmed about {@code tenant} (it was deleted). */
  void forget(TelemetryTenant tenant) {
    String prefix = tenant.getMetadata().getName() + "/" + tenant.getMetadata().getUid() + "/";
    confirmed.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static String key(TelemetryTenant tenant, String database) {
    return tenant.getMetadata().getName() + "/" + tenant.getMetadata().getUid() + "/" + database;
  }
}
