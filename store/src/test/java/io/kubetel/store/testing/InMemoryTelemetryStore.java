package io.kubetel.store.testing;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricPoint;
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
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.sql.Utf8Order;
import io.kubetel.store.write.TelemetryBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link TelemetryStore} over in-memory data for the API server's handler tests. It honours the
 * same contract as ClickHouse ({@code TelemetryStoreContract} runs against both): it windows,
 * filters with the store's field allow-list and semantics, keyset-paginates in the store's order,
 * and computes stats, span trees and names with the store's own code. Seed it with {@link
 * #write(TelemetryBatch)} (what the ClickHouse writer takes) or with model objects ({@link
 * #addSeries}, {@link #addTrace}, {@link #addLog}). {@link #failWith} makes every read throw.
 */
public final class InMemoryTelemetryStore implements TelemetryStore {
  private final List<StoredSeries> series = new CopyOnWriteArrayList<>();
  private final List<StoredTrace> traces = new CopyOnWriteArrayList<>();
  private final List<StoredLog> logs = new CopyOnWriteArrayList<>();
  private final InMemoryQueries queries = new InMemoryQueries(series, traces, logs);
  private final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
  private final Clock clock;

  /** How many list reads were made (watch tests count polls). */
  public final AtomicInteger listCalls = new AtomicInteger();

  public InMemoryTelemetryStore() {
    this(Clock.systemUTC());
  }

  /** A store whose catalog's "recent" is relative to {@code clock}. */
  public InMemoryTelemetryStore(Clock clock) {
    this.clock = clock;
  }

  /** Makes every read throw what {@code f} supplies; null to stop. */
  public void failWith(Supplier<RuntimeException> f) {
    failure.set(f);
  }

  private void maybeFail() {
    Supplier<RuntimeException> f = failure.get();
    if (f != null) {
      throw f.get();
    }
  }

  // ---- data -------------------------------------------------------------------------------

  /** Adds everything in the batch, as the ClickHouse writer would store it. */
  public void write(TelemetryBatch batch) {
    series.addAll(SeriesFromBatch.of(batch));
    Map<String, List<TelemetryBatch.Span>> byTrace = new LinkedHashMap<>();
    batch.spans.forEach(s -> byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s));
    byTrace.forEach((id, spans) -> traces.add(StoredTrace.of(id, spans)));
    batch.logs.forEach(l -> logs.add(StoredLog.of(l)));
  }

  /** Adds a series under the identity's name; sums are cumulative. */
  public void addSeries(MetricSeries identity, List<MetricPoint> points) {
    series.add(StoredSeries.of(identity, points));
  }

  /** Appends a point to the series with this name. */
  public void addPoint(String name, MetricPoint point) {
    series.stream()
        .filter(s -> s.identity.name().equals(name))
        .findFirst()
        .orElseThrow()
        .points
        .add(StoredSeries.RawPoint.of(point));
  }

  /** Adds a trace as given (its summary is not recomputed). */
  public void addTrace(TraceDetail trace) {
    traces.add(StoredTrace.of(trace));
  }

  public void addLog(LogEntry log) {
    logs.add(StoredLog.of(log));
  }

  // ---- metrics ----------------------------------------------------------------------------

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    check(Signal.METRICS, request.filters());
    List<MetricSeries> all = new ArrayList<>();
    for (StoredSeries s : series) {
      if (inNamespace(request, s.identity.namespace())
          && MetricSql.typeMatches(s.identity.type(), request.filters())
          && request.filters().stream().allMatch(s.fields::matches)) {
        s.in(request.window(), request.detail()).ifPresent(all::add);
      }
    }
    Comparator<List<String>> order = byParts(3);
    all.sort(Comparator.comparing(InMemoryTelemetryStore::seriesKey, order));
    return KeysetPage.of(all, request, InMemoryTelemetryStore::seriesKey, order);
  }

  private static List<String> seriesKey(MetricSeries s) {
    return List.of(s.metricName(), s.service(), s.name());
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    maybeFail();
    return series.stream()
        .filter(s -> s.identity.name().equals(name) && s.identity.namespace().equals(namespace))
        .flatMap(s -> s.in(window, true).stream())
        .findFirst();
  }

  // ---- traces -----------------------------------------------------------------------------

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    check(Signal.TRACES, request.filters());
    // Newest first, ties by trace id descending, like the store's keyset.
    Comparator<List<String>> order = byParts(2).reversed();
    List<TraceSummary> all =
        traces.stream()
            .filter(StoredTrace::listable)
            .filter(t -> inNamespace(request, t.detail().summary().namespace()))
            .filter(t -> request.window().contains(t.detail().summary().start()))
            .filter(t -> request.filters().stream().allMatch(f -> matches(t, f)))
            .map(t -> t.detail().summary())
            .sorted(Comparator.comparing(InMemoryTelemetryStore::traceKey, order))
            .toList();
    return KeysetPage.of(all, request, InMemoryTelemetryStore::traceKey, order);
  }

  // A positive filter holds when any span matches; a negative one when no span matches its
  // positive form.
  private static boolean matches(StoredTrace t, FieldFilter f) {
    boolean any = t.spans().stream().anyMatch(s -> s.fields().matchesPositive(f));
    return FieldSql.isNegative(f) ? !any : any;
  }

  private static List<String> traceKey(TraceSummary t) {
    // Zero-padded so that the string order of the key is the time order.
    return List.of(String.format("%019d", SqlLiteral.nanos(t.start())), t.traceId());
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    maybeFail();
    // Like the store's trace-id index: found wherever it is in time.
    return traces.stream()
        .map(StoredTrace::detail)
        .filter(
            t -> t.summary().traceId().equals(traceId) && t.summary().namespace().equals(namespace))
        .findFirst();
  }

  // ---- logs -------------------------------------------------------------------------------

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    check(Signal.LOGS, request.filters());
    Comparator<List<String>> order = byParts(2);
    List<LogEntry> all =
        logs.stream()
            .filter(l -> inNamespace(request, l.entry().namespace()))
            .filter(l -> request.window().contains(l.entry().timestamp()))
            .filter(l -> request.filters().stream().allMatch(l.fields()::matches))
            .map(StoredLog::entry)
            .sorted(Comparator.comparing(InMemoryTelemetryStore::logKey, order))
            .toList();
    return KeysetPage.of(all, request, InMemoryTelemetryStore::logKey, order);
  }

  private static List<String> logKey(LogEntry l) {
    return List.of(String.format("%019d", SqlLiteral.nanos(l.timestamp())), l.name());
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    maybeFail();
    return logs.stream()
        .map(StoredLog::entry)
        .filter(l -> l.name().equals(name) && l.namespace().equals(namespace))
        .findFirst();
  }

  // ---- queries ----------------------------------------------------------------------------

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    maybeFail();
    return queries.run(spec, namespace, now);
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    maybeFail();
    return queries.metricExists(metricName, namespace, clock.instant());
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    maybeFail();
    return queries.attributeKeys(signal, metricName, namespace, clock.instant());
  }

  @Override
  public void ping() {
    maybeFail();
  }

  @Override
  public void close() {}

  // ---- shared -----------------------------------------------------------------------------

  private static boolean inNamespace(ListRequest r, String ns) {
    return r.namespace().map(n -> n.equals(ns)).orElse(true);
  }

  // Every key is checked even when no record is there to look at it, as SQL is built for all.
  private static void check(Signal signal, List<FieldFilter> filters) {
    new FieldValues(signal, Map.of(), Map.of(), Map.of()).checkKeys(filters);
  }

  /** Keys compared part by part in UTF-8 byte order, as ClickHouse orders strings. */
  private static Comparator<List<String>> byParts(int parts) {
    return (a, b) -> {
      for (int i = 0; i < parts; i++) {
        int c = Utf8Order.INSTANCE.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
