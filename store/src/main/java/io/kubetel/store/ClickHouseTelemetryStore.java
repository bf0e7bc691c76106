package io.kubetel.store;

import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.alerts.ClickHouseAlertHistory;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.logs.ClickHouseLogReader;
import io.kubetel.store.metrics.ClickHouseMetricReader;
import io.kubetel.store.query.ClickHouseQueryCatalog;
import io.kubetel.store.query.ClickHouseQueryRunner;
import io.kubetel.store.schema.DatabaseTables;
import io.kubetel.store.schema.LayoutDetection;
import io.kubetel.store.traces.ClickHouseTraceReader;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The ClickHouse {@link TelemetryStore}: composes one reader per signal, the query runner and the
 * catalog over one gateway. The layout is detected ({@link LayoutDetection}) and the database's
 * tables discovered ({@link DatabaseTables}) on first use, so the API server can start while
 * ClickHouse is still coming up; readers are rebuilt when a new discovery finds other tables.
 */
public final class ClickHouseTelemetryStore implements TelemetryStore {
  private final ClickHouseGateway gateway;
  private final ClickHouseAlertHistory alertHistory;
  private final Clock clock;
  private final DatabaseTables tables;
  private volatile Parts parts;

  private record Parts(
      ReadContext ctx,
      ClickHouseMetricReader metrics,
      ClickHouseTraceReader traces,
      ClickHouseLogReader logs,
      ClickHouseQueryRunner queries,
      ClickHouseQueryCatalog catalog) {}

  /** A store that detects the layout on first use. */
  public ClickHouseTelemetryStore(ClickHouseSettings settings) {
    this(new ClickHouseGateway(settings), (SchemaLayout) null, Clock.systemUTC());
  }

  /**
   * A store over an existing gateway (closed with the store).
   *
   * @param layout the layout, or null to detect it
   */
  public ClickHouseTelemetryStore(ClickHouseGateway gateway, SchemaLayout layout, Clock clock) {
    this(
        gateway,
        layout != null ? LayoutDetection.fixed(layout) : LayoutDetection.of(gateway),
        clock);
  }

  /** A store over an existing gateway (closed with the store) sharing a layout detection. */
  private ClickHouseTelemetryStore(ClickHouseGateway gateway, LayoutDetection layout, Clock clock) {
    this.gateway = gateway;
    this.alertHistory = new ClickHouseAlertHistory(gateway);
    this.tables = new DatabaseTables(gateway, layout, gateway.database(), clock);
    this.clock = clock;
  }

  /** Tells {@code observer} about every read this store runs (query metrics). */
  public void observe(ClickHouseGateway.SelectObserver observer) {
    gateway.observe(observer);
  }

  private Parts parts() {
    ReadContext ctx = tables.context();
    Parts p = parts;
    if (p == null || p.ctx() != ctx) {
      p =
          new Parts(
              ctx,
              new ClickHouseMetricReader(ctx),
              new ClickHouseTraceReader(ctx),
              new ClickHouseLogReader(ctx),
              new ClickHouseQueryRunner(ctx),
              new ClickHouseQueryCatalog(ctx, clock));
      parts = p;
    }
    return p;
  }

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    return parts().metrics().listSeries(request);
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    return parts().metrics().getSeries(namespace, name, window);
  }

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    return parts().traces().listTraces(request);
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    return parts().traces().getTrace(namespace, traceId, window);
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    return parts().logs().listLogs(request);
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    return parts().logs().getLog(namespace, name);
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    return parts().queries().run(spec, namespace, now);
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    return parts().catalog().metricExists(metricName, namespace);
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    return parts().catalog().attributeKeys(signal, metricName, namespace);
  }

  @Override
  public Optional<AlertHistory> alertHistory() {
    return Optional.of(alertHistory);
  }

  @Override
  public void ping() {
    gateway.ping();
  }

  @Override
  public void close() {
    gateway.close();
  }
}
