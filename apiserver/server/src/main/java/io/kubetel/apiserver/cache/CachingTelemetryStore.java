package io.kubetel.apiserver.cache;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store the telemetry handlers read through when the result cache is on: the same narrow
 * interface, each read answered by the {@link ResultCache} under a key of the request's tenant
 * identity ({@link CacheScope}), its normalized arguments and its time slot ({@link QueryKeys}).
 *
 * <p>It sits after everything that runs per request before a read — authentication, the
 * SubjectAccessReview, the tenant gate's per-user rate quota, the request budget — because those
 * are router handlers that run before the resource handler calls the store; a hit skips only the
 * storage read and the tenant's concurrent-query permit (held by the routing store below it while
 * ClickHouse works). Not-found answers are cached like any answer; errors never are. Readiness
 * pings, the alert history and closing go straight to the delegate (closing is the composition
 * root's: this decorator holds nothing to close).
 */
public final class CachingTelemetryStore implements TelemetryStore {
  private final TelemetryStore delegate;
  private final ResultCache cache;
  private final CacheScope scope;
  private final QueryKeys keys;

  public CachingTelemetryStore(
      TelemetryStore delegate, ResultCache cache, CacheScope scope, QueryKeys keys) {
    this.delegate = delegate;
    this.cache = cache;
    this.scope = scope;
    this.keys = keys;
  }

  private Object tenant(Optional<String> namespace) {
    return scope.identityOf(namespace.filter(ns -> !ns.isEmpty()));
  }

  private Object tenant(String namespace) {
    return tenant(Optional.ofNullable(namespace));
  }

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    return cache.get(
        keys.list(tenant(request.namespace()), "listSeries", request),
        () -> delegate.listSeries(request));
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    return cache.get(
        keys.get(tenant(namespace), "getSeries", namespace, name, Optional.of(window)),
        () -> delegate.getSeries(namespace, name, window));
  }

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    return cache.get(
        keys.list(tenant(request.namespace()), "listTraces", request),
        () -> delegate.listTraces(request));
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    return cache.get(
        keys.get(tenant(namespace), "getTrace", namespace, traceId, Optional.of(window)),
        () -> delegate.getTrace(namespace, traceId, window));
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    return cache.get(
        keys.list(tenant(request.namespace()), "listLogs", request),
        () -> delegate.listLogs(request));
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    return cache.get(
        keys.get(tenant(namespace), "getLog", namespace, name, Optional.empty()),
        () -> delegate.getLog(namespace, name));
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    return cache.get(
        keys.query(tenant(namespace), spec, namespace, now),
        () -> delegate.run(spec, namespace, now));
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    return cache.get(
        keys.present(tenant(namespace), "metricExists", List.of(metricName, namespace)),
        () -> delegate.metricExists(metricName, namespace));
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    return cache.get(
        keys.present(tenant(namespace), "attributeKeys", List.of(signal, metricName, namespace)),
        () -> Set.copyOf(delegate.attributeKeys(signal, metricName, namespace)));
  }

  @Override
  public void ping() {
    delegate.ping();
  }

  @Override
  public Optional<io.kubetel.model.alerts.AlertHistory> alertHistory() {
    return delegate.alertHistory();
  }

  /** Nothing to close: the delegate belongs to the composition root. */
  @Override
  public void close() {}
}
