package io.kubetel.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.QueryRunner;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.metrics.ExponentialBuckets;
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.metrics.MetricTables;
import io.kubetel.store.metrics.SummaryQuantiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs validated TelemetryQuery specs against ClickHouse. */
public final class ClickHouseQueryRunner implements QueryRunner {
  private final ReadContext ctx;

  public ClickHouseQueryRunner(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    ResolvedQuery q = QueryValidator.validate(spec, now);
    List<QueryResult.Series> series;
    if (q.signal() == Signal.METRICS) {
      Optional<MetricType> type = metricType(q, namespace);
      series = type.isEmpty() ? List.of() : metrics(q, namespace, type.get());
    } else {
      series = direct(q, namespace, Optional.empty());
    }
    return new QueryResult(
        q.window().start(), q.window().end(), q.stepSeconds(), q.aggregation(), series);
  }

  private Optional<MetricType> metricType(ResolvedQuery q, Optional<String> namespace) {
    for (MetricType type : MetricTables.present(ctx)) {
      if (MetricSql.typeMatches(type, q.filters())
          && !ctx.gateway().select(QuerySql.metricProbe(ctx, type, q, namespace)).isEmpty()) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private List<QueryResult.Series> metrics(
      ResolvedQuery q, Optional<String> namespace, MetricType type) {
    MetricAggregations.require(type, q);
    if (QuerySql.isDirect(q, Optional.of(type))) {
      return direct(q, namespace, Optional.of(type));
    }
    List<BucketReducer.SeriesBucket> rows = new ArrayList<>();
    String sql = QuerySql.perSeries(ctx, q, namespace, type);
    for (JsonNode r : ctx.gateway().select(sql)) {
      rows.add(
          new BucketReducer.SeriesBucket(
              labels(q, r),
              Rows.text(r, "q_fp"),
              Rows.longValue(r, "q_bucket"),
              (int) Rows.longValue(r, "q_temporality"),
              Rows.doubleValue(r, "q_first"),
              Rows.doubleValue(r, "q_last"),
              Rows.doubleValue(r, "q_total"),
              Rows.doubles(r.get("q_values")),
              type.recordsObservations() ? observations(type, r) : null));
    }
    return BucketReducer.reduce(rows, q.metric(), q.aggregation(), q.stepSeconds(), type);
  }

  /** What a histogram or summary row of {@link QuerySql#perSeries} holds besides its count. */
  private static BucketReducer.Observations observations(MetricType type, JsonNode r) {
    boolean explicit = type == MetricType.HISTOGRAM;
    boolean histogram = type != MetricType.SUMMARY;
    return new BucketReducer.Observations(
        Rows.doubleValue(r, "q_first_sum"),
        Rows.doubleValue(r, "q_last_sum"),
        Rows.doubleValue(r, "q_total_sum"),
        explicit ? Rows.doubles(r.get("q_first_buckets")) : null,
        explicit ? Rows.doubles(r.get("q_last_buckets")) : null,
        explicit ? Rows.doubles(r.get("q_total_buckets")) : null,
        explicit ? Rows.doubles(r.get("q_bounds")) : null,
        type == MetricType.EXPONENTIAL_HISTOGRAM
            ? List.of(ExponentialBuckets.read(r, "q_"))
            : List.of(),
        type == MetricType.SUMMARY
            ? SummaryQuantiles.of(r.get("q_quantiles"), r.get("q_quantile_values"))
            : SummaryQuantiles.NONE,
        histogram ? Rows.doubleValue(r, "q_min") : Double.NaN,
        histogram ? Rows.doubleValue(r, "q_max") : Double.NaN);
  }

  private List<QueryResult.Series> direct(
      ResolvedQuery q, Optional<String> namespace, Optional<MetricType> type) {
    Map<Map<String, String>, List<QueryResult.Point>> groups = new LinkedHashMap<>();
    String sql = QuerySql.direct(ctx, q, namespace, type);
    List<JsonNode> result = ctx.gateway().select(sql);
    for (JsonNode r : result) {
      double v = Rows.doubleValue(r, "q_value");
      if (!Double.isFinite(v)) {
        continue;
      }
      groups
          .computeIfAbsent(labels(q, r), k -> new ArrayList<>())
          .add(new QueryResult.Point(Instant.ofEpochSecond(Rows.longValue(r, "q_bucket")), v));
    }
    List<QueryResult.Series> out = new ArrayList<>();
    groups.forEach((labels, points) -> out.add(new QueryResult.Series(labels, points)));
    return out;
  }

  private static Map<String, String> labels(ResolvedQuery q, JsonNode r) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < q.groupBy().size(); i++) {
      labels.put(q.groupBy().get(i), Rows.text(r, "g" + i));
    }
    return labels;
  }
}
