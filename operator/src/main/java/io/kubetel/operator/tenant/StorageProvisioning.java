package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.Retention;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage steps of a tenant reconciliation: create the tenant's database and tables ({@code
 * StorageReady}), then apply its retention ({@code RetentionApplied}, {@code lastRetentionRun}).
 * Storage is only contacted when something may have changed (spec, database, an earlier failure) or
 * retention is due, so namespace and peer-tenant events cost no ClickHouse query. Failures are
 * recorded on the status, never thrown: the reconciler decides about the retry.
 */
record StorageProvisioning(TenantStorage storage, Duration retentionInterval) {
  private static final Logger log = LoggerFactory.getLogger(StorageProvisioning.class);

  /**
   * Provisions the tenant's storage and applies retention when due.
   *
   * @param retry what happens if this fails, for the messages
   * @return the time until retention is due again, or empty when storage or retention failed (the
   *     conditions say which)
   */
  Optional<Duration> provision(
      TelemetryTenant tenant, TenantStatusDraft status, Instant now, NextRetry retry) {
    String name = tenant.getMetadata().getName();
    String database = tenant.database();
    TelemetryTenantStatus before = status.before();
    boolean settled =
        !RetentionPolicy.due(before, status.generation(), now, retentionInterval)
            && database.equals(before.getDatabase())
            && ConditionSet.find(before.getConditions(), ConditionTypes.STORAGE_READY)
                .map(c -> c.isTrue())
                .orElse(false);
    if (settled) {
      return Optional.of(
          RetentionPolicy.untilNext(before.getLastRetentionRun(), now, retentionInterval));
    }
    try {
      storage.ensureSchema(database);
    } catch (RuntimeException e) {
      String message =
          "ClickHouse is unreachable or failed: " + ErrorText.describe(e) + "; " + retry.describe();
      status.conditions().set(ConditionTypes.STORAGE_READY, false, "StorageUnavailable", message);
      log.warn(
          "event=tenant_storage_failed tenant={} database={} attempt={} error={}",
          name,
          database,
          retry.attempt(),
          ErrorText.describe(e));
      return Optional.empty();
    }
    status
        .conditions()
        .set(
            ConditionTypes.STORAGE_READY,
            true,
            "DatabaseReady",
            "database " + database + " and its telemetry tables exist");
    return applyRetention(tenant, status, now, retry);
  }

  private Optional<Duration> applyRetention(
      TelemetryTenant tenant, TenantStatusDraft status, Instant now, NextRetry retry) {
    String database = tenant.database();
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
              "retention failed: " + ErrorText.describe(e) + "; " + retry.describe());
      log.warn(
          "event=retention_failed tenant={} database={} attempt={} error={}",
          tenant.getMetadata().getName(),
          database,
          retry.attempt(),
          ErrorText.describe(e));
      return Optional.empty();
    }
  }
}
