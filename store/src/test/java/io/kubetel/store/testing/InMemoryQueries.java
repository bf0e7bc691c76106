package io.kubetel.store.testing;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.query.BucketReducer;
import io.kubetel.store.query.ClickHouseQueryCatalog;
import io.kubetel.store.query.MetricAggregations;
import io.kubetel.store.query.QuerySql;
import io.kubetel.store.sql.Utf8Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory store's {@code QueryRunner} and {@code QueryCatalog}, by the store's rules: specs
 * are validated by the model's {@link QueryValidator}, the metric type and the direct or per-series
 * path are chosen as ClickHouse chooses them ({@link QuerySql#isDirect}), and counters are reduced
 * by the store's {@link BucketReducer}. Only the approximate quantiles ClickHouse computes over raw
 * values (gauges, sums, span durations) are refused, with {@link UnsupportedOperationException}, so
 * no test relies on an answer storage would not give.
 */
final class InMemoryQueries {
  private final Collection<StoredSeries> series;
  private final Collection<StoredTrace> traces;
  private final Collection<StoredLog> logs;

  InMemoryQueries(
      Collection<StoredSeries> series, Collection<StoredTrace> traces, Collection<StoredLog> logs) {
    this.series = series;
    this.traces = traces;
    this.logs = logs;
  }

  /** One value a direct query aggregates, with its record's fields. */
  private record Value(FieldValues fields, Instant time, double value) {}

  QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    ResolvedQuery q = QueryValidator.validate(spec, now);
    List<QueryResult.Series> out =
        switch (q.signal()) {
          case METRICS -> metrics(q, namespace);
          case TRACES ->
              direct(
                  q,
                  traces.stream()
                      .flatMap(t -> t.spans().stream())
                      .map(s -> new Value(s.fields(), s.start(), s.durationNanos() / 1_000_000.0))
                      .toList(),
                  namespace);
          case LOGS ->
              direct(
                  q,
                  logs.stream().map(l -> new Value(l.fields(), l.entry().timestamp(), 1)).toList(),
                  namespace);
        };
    return new QueryResult(
        q.window().start(), q.window().end(), q.stepSeconds(), q.aggregation(), out);
  }

  private List<QueryResult.Series> metrics(ResolvedQuery q, Optional<String> namespace) {
    List<StoredSeries> matching =
        series.stream()
            .filter(s -> s.identity.metricName().equals(q.metric()))
            .filter(s -> MetricSql.typeMatches(s.identity.type(), q.filters()))
            .filter(s -> s.points.stream().anyMatch(p -> q.window().contains(p.time())))
            .filter(s -> scoped(q, s.fields, namespace))
            .toList();
    // Like ClickHouse: the first type (in MetricType order) with data; none gives no series.
    Optional<MetricType> type =
        List.of(MetricType.values()).stream()
            .filter(t -> matching.stream().anyMatch(s -> s.identity.type() == t))
            .findFirst();
    if (type.isEmpty()) {
      return List.of();
    }
    List<StoredSeries> typed =
        matching.stream().filter(s -> s.identity.type() == type.get()).toList();
    MetricAggregations.require(type.get(), q);
    if (QuerySql.isDirect(q, type)) {
      List<Value> values = new ArrayList<>();
      typed.forEach(
          s -> s.points.forEach(p -> values.add(new Value(s.fields, p.time(), p.value()))));
      return direct(q, values, Optional.empty());
    }
    List<BucketReducer.SeriesBucket> rows = new ArrayList<>();
    typed.forEach(s -> rows.addAll(SeriesBuckets.of(s, q, labels(q, s.fields))));
    return BucketReducer.reduce(rows, q.metric(), q.aggregation(), q.stepSeconds(), type.get());
  }

  private static boolean scoped(ResolvedQuery q, FieldValues f, Optional<String> namespace) {
    return namespace.map(ns -> ns.equals(f.value("namespace"))).orElse(true)
        && q.filters().stream().allMatch(f::matches);
  }

  private static Map<String, String> labels(ResolvedQuery q, FieldValues f) {
    Map<String, String> labels = new LinkedHashMap<>();
    q.groupBy().forEach(k -> labels.put(k, f.label(k)));
    return labels;
  }

  /** One value per group and step, as the store's direct SQL aggregates rows. */
  private static List<QueryResult.Series> direct(
      ResolvedQuery q, List<Value> values, Optional<String> namespace) {
    if (q.aggregation().quantile() >= 0) {
      throw new UnsupportedOperationException(
          "the in-memory store does not compute ClickHouse's approximate quantiles");
    }
    Comparator<Map<String, String>> byValues =
        Comparator.comparing(m -> String.join("\u001f", m.values()), Utf8Order.INSTANCE);
    Map<Map<String, String>, TreeMap<Long, List<Double>>> groups = new TreeMap<>(byValues);
    for (Value v : values) {
      if (q.window().contains(v.time()) && scoped(q, v.fields(), namespace)) {
        long bucket = Math.floorDiv(v.time().getEpochSecond(), q.stepSeconds()) * q.stepSeconds();
        groups
            .computeIfAbsent(labels(q, v.fields()), k -> new TreeMap<>())
            .computeIfAbsent(bucket, k -> new ArrayList<>())
            .add(v.value());
      }
    }
    List<QueryResult.Series> out = new ArrayList<>();
    groups.forEach(
        (labels, buckets) -> {
          List<QueryResult.Point> points = new ArrayList<>();
          buckets.forEach(
              (t, vs) -> points.add(new QueryResult.Point(Instant.ofEpochSecond(t), value(q, vs))));
          out.add(new QueryResult.Series(labels, points));
        });
    return out;
  }

  private static double value(ResolvedQuery q, List<Double> vs) {
    return switch (q.aggregation()) {
      case AVG -> vs.stream().mapToDouble(d -> d).average().orElseThrow();
      case SUM -> vs.stream().mapToDouble(d -> d).sum();
      case MIN -> vs.stream().mapToDouble(d -> d).min().orElseThrow();
      case MAX -> vs.stream().mapToDouble(d -> d).max().orElseThrow();
      case COUNT -> vs.size();
      case RATE -> vs.size() / (double) q.stepSeconds();
      case P50, P90, P95, P99 -> throw new IllegalStateException("refused above");
    };
  }

  /** Whether the metric has a point since {@link ClickHouseQueryCatalog#RECENT} before now. */
  boolean metricExists(String metricName, Optional<String> namespace, Instant now) {
    Instant since = now.minus(ClickHouseQueryCatalog.RECENT);
    return series.stream()
        .filter(s -> s.identity.metricName().equals(metricName))
        .filter(s -> namespace.map(ns -> ns.equals(s.identity.namespace())).orElse(true))
        .anyMatch(s -> s.points.stream().anyMatch(p -> !p.time().isBefore(since)));
  }

  /** Record attribute keys of the signal's recent records, sorted. */
  Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace, Instant now) {
    Instant since = now.minus(ClickHouseQueryCatalog.RECENT);
    Set<String> keys = new TreeSet<>();
    switch (signal) {
      case METRICS ->
          series.stream()
              .filter(s -> metricName.map(m -> m.equals(s.identity.metricName())).orElse(true))
              .filter(s -> namespace.map(ns -> ns.equals(s.identity.namespace())).orElse(true))
              .filter(s -> s.points.stream().anyMatch(p -> !p.time().isBefore(since)))
              .forEach(s -> keys.addAll(s.identity.attributes().keySet()));
      case TRACES ->
          traces.stream()
              .flatMap(t -> t.spans().stream())
              .filter(s -> !s.start().isBefore(since))
              .map(StoredTrace.Span::fields)
              .filter(f -> namespace.map(ns -> ns.equals(f.value("namespace"))).orElse(true))
              .forEach(f -> keys.addAll(f.attributes().keySet()));
      case LOGS ->
          logs.stream()
              .filter(l -> !l.entry().timestamp().isBefore(since))
              .filter(l -> namespace.map(ns -> ns.equals(l.entry().namespace())).orElse(true))
              .forEach(l -> keys.addAll(l.entry().attributes().keySet()));
    }
    return keys;
  }
}
