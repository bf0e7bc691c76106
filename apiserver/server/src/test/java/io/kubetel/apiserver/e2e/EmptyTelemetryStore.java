package io.kubetel.apiserver.e2e;

import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Test-only store holding no telemetry: lets the e2e harness start the server process without
 * ClickHouse to check the platform (TLS, discovery, OpenAPI, errors, probes) with real kubectl.
 * Data-bearing tests use the ClickHouse store instead.
 */
public final class EmptyTelemetryStore implements TelemetryStore {

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    return Page.last(List.of());
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    return Optional.empty();
  }

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    return Page.last(List.of());
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    return Optional.empty();
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    return Page.last(List.of());
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    return Optional.empty();
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    throw new InvalidQueryException("the empty test store has no data to query");
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    return false;
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    return Set.of();
  }

  @Override
  public void ping() {}

  @Override
  public void close() {}
}
