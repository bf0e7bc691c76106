package io.kubetel.store.retention;

import io.kubetel.model.query.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Enforces per-signal retention on a tenant database. On servers with TTL support it sets table
 * TTLs; otherwise it drops whole daily partitions that are entirely older than the retention (never
 * a partition that still holds data inside the retention).
 */
public interface RetentionManager {

  /**
   * Applies retention for each signal in {@code retention} to the tables of {@code database}, as of
   * {@code now}.
   *
   * @return what was done, one entry per table touched
   */
  List<RetentionAction> apply(String database, Map<Signal, Duration> retention, Instant now);

  /** One action on one table: a TTL set, or a partition dropped. */
  record RetentionAction(String table, String action, String detail) {}
}
