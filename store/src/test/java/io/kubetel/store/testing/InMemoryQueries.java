package io.kubetel.store.testing;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.query.ClickHouseQueryCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory store's {@code QueryRunner} and {@code QueryCatalog}. Specs are validated by the
 * model's {@link QueryValidator} like in ClickHouse; it aggregates gauge metrics (avg, sum, min,
 * max, count) per step and group and refuses what it does not implement with {@link
 * UnsupportedOperationException}, so a test never relies on an answer ClickHouse would not give.
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

  QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    ResolvedQuery q = QueryValidator.validate(spec, now);
    if (q.signal() != Signal.METRICS) {
      throw new UnsupportedOperationException("the in-memory store runs metrics queries only");
    }
    List<StoredSeries> matching =
        series.stream()
            .filter(s -> s.identity.metricName().equals(q.metric()))
            .filter(s -> namespace.map(ns -> ns.equals(s.identity.namespace())).orElse(true))
            .filter(s -> MetricSql.typeMatches(s.identity.type(), q.filters()))
            .filter(s -> q.filters().stream().allMatch(s.fields::matches))
            .filter(s -> s.points.stream().anyMatch(p -> q.window().contains(p.time())))
            .toList();
    // Like ClickHouse: the first type (Gauge, Sum, Histogram) with data; none gives no series.
    Optional<MetricType> type =
        List.of(MetricType.values()).stream()
            .filter(t -> matching.stream().anyMatch(s -> s.identity.type() == t))
            .findFirst();
    List<QueryResult.Series> out = new ArrayList<>();
    if (type.isPresent()) {
      if (type.get() == MetricType.GAUGE && q.aggregation() == Aggregation.RATE) {
        throw new InvalidQueryException(
            "aggregation rate needs a Sum or Histogram metric; " + q.metric() + " is a Gauge");
      }
      if (type.get() != MetricType.GAUGE || q.aggregation().quantile() >= 0) {
        throw new UnsupportedOperationException(
            "the in-memory store aggregates gauges with avg, sum, min, max or count only");
      }
      gauges(q, matching, out);
    }
    return new QueryResult(
        q.window().start(), q.window().end(), q.stepSeconds(), q.aggregation(), out);
  }

  private static void gauges(
      ResolvedQuery q, List<StoredSeries> matching, List<QueryResult.Series> out) {
    Map<Map<String, String>, TreeMap<Long, DoubleSummaryStatistics>> groups = new LinkedHashMap<>();
    for (StoredSeries s : matching) {
      if (s.identity.type() != MetricType.GAUGE) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      q.groupBy().forEach(k -> labels.put(k, s.fields.label(k)));
      for (StoredSeries.RawPoint p : s.points) {
        if (q.window().contains(p.time())) {
          long bucket = Math.floorDiv(p.time().getEpochSecond(), q.stepSeconds()) * q.stepSeconds();
          groups
              .computeIfAbsent(labels, k -> new TreeMap<>())
              .computeIfAbsent(bucket, k -> new DoubleSummaryStatistics())
              .accept(p.value());
        }
      }
    }
    groups.forEach(
        (labels, buckets) -> {
          List<QueryResult.Point> points = new ArrayList<>();
          buckets.forEach(
              (t, v) -> points.add(new QueryResult.Point(Instant.ofEpochSecond(t), value(q, v))));
          out.add(new QueryResult.Series(labels, points));
        });
  }

  private static double value(ResolvedQuery q, DoubleSummaryStatistics v) {
    return switch (q.aggregation()) {
      case AVG -> v.getAverage();
      case SUM -> v.getSum();
      case MIN -> v.getMin();
      case MAX -> v.getMax();
      case COUNT -> v.getCount();
      default -> throw new UnsupportedOperationException(q.aggregation() + " on gauges");
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
              .filter(t -> !t.detail().summary().start().isBefore(since))
              .flatMap(t -> t.spans().stream())
              .filter(f -> namespace.map(ns -> ns.equals(f.label("namespace"))).orElse(true))
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
