package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenant reconciler needs from storage: the tenant databases, their retention, and the
 * ownership records in kubetel's own database that say which tenant may drop which database. All
 * methods block and throw a RuntimeException when storage cannot be reached; the reconciler turns
 * that into {@code StorageReady=False}.
 */
public interface TenantStorage {

  /** kubetel's own database (the ownership records), which no tenant may use. */
  String systemDatabase();

  /** Whether {@code database} exists, whoever created it. */
  boolean databaseExists(String database);

  /** The ownership record of {@code database}, if any. */
  Optional<DatabaseOwner> owner(String database);

  /** Records {@code owner} (replacing an earlier record of the same database). */
  void recordOwner(DatabaseOwner owner);

  /** Removes the ownership record {@code owner}, after its database was dropped. */
  void releaseOwner(DatabaseOwner owner);

  /** Creates the database and tables that do not exist yet (idempotent, never drops data). */
  void ensureSchema(String database);

  /** Applies per-signal retention as of {@code now}. */
  List<RetentionAction> applyRetention(
      String database, Map<Signal, Duration> retention, Instant now);

  /**
   * Drops the database and all its data. Only for a database whose ownership record says kubetel
   * created it for the tenant being deleted with deletion policy Delete.
   */
  void dropDatabase(String database);
}
