package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the tenant reconciler needs from storage. All methods block and throw a RuntimeException
 * when storage cannot be reached; the reconciler turns that into {@code StorageReady=False}.
 */
public interface TenantStorage {

  /** Creates the database and tables that do not exist yet (idempotent, never drops data). */
  void ensureSchema(String database);

  /** Applies per-signal retention as of {@code now}. */
  List<RetentionAction> applyRetention(
      String database, Map<Signal, Duration> retention, Instant now);

  /** Drops the database and all its data (deletion policy Delete). */
  void dropDatabase(String database);
}
