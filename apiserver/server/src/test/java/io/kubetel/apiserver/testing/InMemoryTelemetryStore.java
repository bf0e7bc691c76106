package io.kubetel.apiserver.testing;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake {@link TelemetryStore} over in-memory data that really windows, filters (with the storage
 * semantics of {@link FieldFilter}) and keyset-paginates, so handler tests exercise the same
 * contract as ClickHouse. {@link #failWith} makes every read throw, for error-path tests.
 */
public final class InMemoryTelemetryStore implements TelemetryStore {

  /** A series definition whose points tests can append to. */
  public record SeriesDef(MetricSeries identity, List<MetricPoint> points) {}

  private final List<SeriesDef> series = new CopyOnWriteArrayList<>();
  private final List<TraceDetail> traces = new CopyOnWriteArrayList<>();
  private final List<LogEntry> logs = new CopyOnWriteArrayList<>();
  private final AtomicReference<Supplier<RuntimeException>> failure = new AtomicReference<>();
  public final AtomicInteger listCalls = new AtomicInteger();

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

  public void addSeries(MetricSeries identity, List<MetricPoint> points) {
    series.add(new SeriesDef(identity, new CopyOnWriteArrayList<>(points)));
  }

  /** Appends a point to the series with this name. */
  public void addPoint(String name, MetricPoint point) {
    series.stream()
        .filter(s -> s.identity().name().equals(name))
        .findFirst()
        .orElseThrow()
        .points()
        .add(point);
  }

  public void addTrace(TraceDetail trace) {
    traces.add(trace);
  }

  public void addLog(LogEntry log) {
    logs.add(log);
  }

  // ---- metrics ----------------------------------------------------------------------------

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    List<MetricSeries> all = new ArrayList<>();
    for (SeriesDef def : series) {
      MetricSeries s = def.identity();
      if (!inNamespace(request, s.namespace())
          || !request.filters().stream().allMatch(f -> matches(f, k -> metricField(s, k)))) {
        continue;
      }
      windowed(def, request.window(), request.detail()).ifPresent(all::add);
    }
    all.sort(
        Comparator.comparing(MetricSeries::metricName)
            .thenComparing(MetricSeries::service)
            .thenComparing(MetricSeries::name));
    return page(
        all,
        request,
        s -> List.of(s.metricName(), s.service(), s.name()),
        Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1))
            .thenComparing(k -> k.get(2)));
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    maybeFail();
    return series.stream()
        .filter(d -> d.identity().name().equals(name) && d.identity().namespace().equals(namespace))
        .findFirst()
        .flatMap(d -> windowed(d, window, true));
  }

  private static Optional<MetricSeries> windowed(SeriesDef def, TimeWindow w, boolean detail) {
    List<MetricPoint> in =
        def.points().stream()
            .filter(p -> w.contains(p.time()))
            .sorted(Comparator.comparing(MetricPoint::time))
            .toList();
    if (in.isEmpty()) {
      return Optional.empty();
    }
    MetricSeries s = def.identity();
    double min = in.stream().mapToDouble(MetricPoint::value).min().orElse(0);
    double max = in.stream().mapToDouble(MetricPoint::value).max().orElse(0);
    double avg = in.stream().mapToDouble(MetricPoint::value).average().orElse(0);
    MetricPoint first = in.get(0);
    MetricPoint last = in.get(in.size() - 1);
    Double rate = null;
    if (s.monotonic() && in.size() > 1) {
      double secs = Duration.between(first.time(), last.time()).toMillis() / 1000.0;
      rate = secs > 0 ? (last.value() - first.value()) / secs : null;
    }
    MetricStats stats =
        new MetricStats(
            first.time(),
            last.time(),
            last.value(),
            min,
            max,
            avg,
            in.size(),
            rate,
            null,
            null,
            null);
    return Optional.of(
        new MetricSeries(
            s.name(),
            s.namespace(),
            s.metricName(),
            s.type(),
            s.unit(),
            s.description(),
            s.service(),
            s.pod(),
            s.monotonic(),
            s.attributes(),
            s.resourceAttributes(),
            stats,
            detail ? in : List.of()));
  }

  private static String metricField(MetricSeries s, String key) {
    return switch (key) {
      case FieldKeys.SERVICE -> s.service();
      case FieldKeys.POD -> s.pod();
      case FieldKeys.NAMESPACE -> s.namespace();
      case FieldKeys.METRIC -> s.metricName();
      case FieldKeys.TYPE -> s.type().displayName();
      default ->
          key.startsWith(FieldKeys.RESOURCE_PREFIX)
              ? s.resourceAttributes().get(key.substring(FieldKeys.RESOURCE_PREFIX.length()))
              : s.attributes().get(key);
    };
  }

  // ---- traces -----------------------------------------------------------------------------

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    List<TraceSummary> all =
        traces.stream()
            .filter(t -> inNamespace(request, t.summary().namespace()))
            .filter(t -> request.window().contains(t.summary().start()))
            .filter(t -> request.filters().stream().allMatch(f -> anySpanMatches(t, f)))
            .map(TraceDetail::summary)
            .sorted(
                Comparator.comparing(TraceSummary::start)
                    .reversed()
                    .thenComparing(TraceSummary::traceId))
            .toList();
    return page(
        all,
        request,
        t -> List.of(Long.toString(nanos(t.start())), t.traceId()),
        Comparator.comparing((List<String> k) -> -Long.parseLong(k.get(0)))
            .thenComparing(k -> k.get(1)));
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    maybeFail();
    return traces.stream()
        .filter(
            t -> t.summary().traceId().equals(traceId) && t.summary().namespace().equals(namespace))
        .findFirst();
  }

  private static boolean anySpanMatches(TraceDetail t, FieldFilter f) {
    if (f.key().equals(FieldKeys.TRACE_ID)) {
      return matches(f, k -> t.summary().traceId());
    }
    List<SpanNode> spans = new ArrayList<>();
    t.roots().forEach(r -> flatten(r, spans));
    return spans.stream().anyMatch(s -> matches(f, k -> spanField(s, k)));
  }

  private static void flatten(SpanNode n, List<SpanNode> out) {
    out.add(n);
    n.children().forEach(c -> flatten(c, out));
  }

  private static String spanField(SpanNode s, String key) {
    return switch (key) {
      case FieldKeys.SERVICE -> s.service();
      case FieldKeys.POD -> s.pod();
      case FieldKeys.NAMESPACE -> s.namespace();
      case FieldKeys.STATUS -> s.statusCode();
      case FieldKeys.SPAN -> s.name();
      case FieldKeys.KIND -> s.kind();
      default -> s.attributes().get(key);
    };
  }

  // ---- logs -------------------------------------------------------------------------------

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    maybeFail();
    listCalls.incrementAndGet();
    List<LogEntry> all =
        logs.stream()
            .filter(l -> inNamespace(request, l.namespace()))
            .filter(l -> request.window().contains(l.timestamp()))
            .filter(l -> request.filters().stream().allMatch(f -> matches(f, k -> logField(l, k))))
            .sorted(Comparator.comparing(LogEntry::timestamp).thenComparing(LogEntry::name))
            .toList();
    return page(
        all,
        request,
        l -> List.of(Long.toString(nanos(l.timestamp())), l.name()),
        Comparator.comparing((List<String> k) -> Long.parseLong(k.get(0)))
            .thenComparing(k -> k.get(1)));
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    maybeFail();
    return logs.stream()
        .filter(l -> l.name().equals(name) && l.namespace().equals(namespace))
        .findFirst();
  }

  private static String logField(LogEntry l, String key) {
    return switch (key) {
      case FieldKeys.SERVICE -> l.service();
      case FieldKeys.POD -> l.pod();
      case FieldKeys.NAMESPACE -> l.namespace();
      case FieldKeys.SEVERITY -> l.severityText();
      case FieldKeys.TRACE_ID -> l.traceId();
      case FieldKeys.SPAN_ID -> l.spanId();
      default -> l.attributes().get(key);
    };
  }

  // ---- queries ----------------------------------------------------------------------------

  /** Average per step of a metric's points in the last 15 minutes, grouped by groupBy keys. */
  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    maybeFail();
    if (spec.getSignal() != Signal.METRICS) {
      throw new InvalidQueryException("the fake store only runs metrics queries");
    }
    if (series.stream().noneMatch(d -> d.identity().metricName().equals(spec.getMetric()))) {
      throw new InvalidQueryException("spec.metric: no data for metric " + spec.getMetric());
    }
    Instant start = now.minus(Duration.ofMinutes(15));
    long step = 60;
    Map<Map<String, String>, TreeMap<Instant, List<Double>>> groups =
        new java.util.LinkedHashMap<>();
    for (SeriesDef d : series) {
      MetricSeries s = d.identity();
      if (!s.metricName().equals(spec.getMetric())
          || namespace.map(ns -> !ns.equals(s.namespace())).orElse(false)) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      spec.getGroupBy().forEach(k -> labels.put(k, String.valueOf(metricField(s, k))));
      for (MetricPoint p : d.points()) {
        if (p.time().isBefore(start) || !p.time().isBefore(now)) {
          continue;
        }
        Instant bucket = Instant.ofEpochSecond(p.time().getEpochSecond() / step * step);
        groups
            .computeIfAbsent(labels, k -> new TreeMap<>())
            .computeIfAbsent(bucket, k -> new ArrayList<>())
            .add(p.value());
      }
    }
    List<QueryResult.Series> out = new ArrayList<>();
    groups.forEach(
        (labels, buckets) -> {
          List<QueryResult.Point> points = new ArrayList<>();
          buckets.forEach(
              (t, vs) ->
                  points.add(
                      new QueryResult.Point(
                          t, vs.stream().mapToDouble(v -> v).average().orElse(0))));
          out.add(new QueryResult.Series(labels, points));
        });
    return new QueryResult(start, now, step, io.kubetel.model.query.Aggregation.AVG, out);
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    return series.stream().anyMatch(d -> d.identity().metricName().equals(metricName));
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    Set<String> keys = new LinkedHashSet<>();
    series.forEach(d -> keys.addAll(d.identity().attributes().keySet()));
    return keys;
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

  /** FieldFilter semantics: negative operators match absent fields. */
  static boolean matches(FieldFilter f, Function<String, String> field) {
    String v = field.apply(f.key());
    return switch (f.operator()) {
      case EQUALS, IN -> v != null && f.values().contains(v);
      case NOT_EQUALS, NOT_IN -> v == null || !f.values().contains(v);
      case EXISTS -> v != null;
      case NOT_EXISTS -> v == null;
    };
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Keyset pagination: items after the cursor, at most limit, with a cursor when more remain. */
  private static <T> Page<T> page(
      List<T> sorted, ListRequest r, Function<T, List<String>> key, Comparator<List<String>> cmp) {
    List<T> rest =
        r.after()
            .map(
                c -> sorted.stream().filter(i -> cmp.compare(key.apply(i), c.parts()) > 0).toList())
            .orElse(sorted);
    if (rest.size() <= r.limit()) {
      return Page.last(rest);
    }
    List<T> items = rest.subList(0, r.limit());
    return new Page<>(items, Optional.of(new Cursor(key.apply(items.get(items.size() - 1)))));
  }
}
