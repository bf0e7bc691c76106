package io.kubetel.model.store;

import io.kubetel.model.logs.LogReader;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.QueryRunner;
import io.kubetel.model.traces.TraceReader;

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

  @Override
  void close();
}
