package io.kubetel.model.store;

import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.logs.LogReader;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.QueryRunner;
import io.kubetel.model.traces.TraceReader;
import java.util.Optional;

/**
 * The one storage interface ClickHouse sits behind. Handlers depend on the narrow readers it
 * extends; only the composition root sees the whole store.
 *
 * <p>All methods block (they do network I/O): callers on an event loop must run them on a worker
 * pool.
 */
public interface TelemetryStore
    extends MetricReader, TraceReader, LogReader, QueryRunner, QueryCatalog, AutoCloseable {

  /**
   * Checks that storage answers.
   *
   * @throws StoreUnavailableException when it does not
   */
  void ping();

  /**
   * The alert history kept in kubetel's own database on this storage, when the storage keeps one
   * (the in-memory fake does not).
   */
  default Optional<AlertHistory> alertHistory() {
    return Optional.empty();
  }

  @Override
  void close();
}
