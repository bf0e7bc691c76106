package io.kubetel.store.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.sql.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads metric series from the five metric tables (gauge, sum, histogram, exponential histogram,
 * summary): one query per table, merged in (metric name, service, fingerprint) order, which is also
 * the keyset of the cursor.
 */
public final class ClickHouseMetricReader implements MetricReader {
  private static final Comparator<Row> ORDER =
      Comparator.comparing((Row r) -> r.metric, Utf8Order.INSTANCE)
          .thenComparing(r -> r.service, Utf8Order.INSTANCE)
          .thenComparing(r -> r.fingerprint);

  private final ReadContext ctx;

  public ClickHouseMetricReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  private record Row(
      String metric, String service, String fingerprint, MetricType type, JsonNode json) {}

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    List<Row> rows = new ArrayList<>();
    for (MetricType type : MetricTables.present(ctx)) {
      if (!MetricSql.typeMatches(type, request.filters())) {
        continue;
      }
      String sql =
          MetricSql.series(
              ctx,
              type,
              request.namespace(),
              request.window(),
              request.filters(),
              request.after(),
              request.detail(),
              List.of(),
              Optional.empty(),
              request.limit() + 1);
      for (JsonNode j : ctx.gateway().select(sql)) {
        rows.add(
            new Row(
                Rows.text(j, "m_name"), Rows.text(j, "m_service"), Rows.text(j, "m_fp"), type, j));
      }
    }
    rows.sort(ORDER);
    boolean more = rows.size() > request.limit();
    List<Row> pageRows = more ? rows.subList(0, request.limit()) : rows;
    List<MetricSeries> items = new ArrayList<>(pageRows.size());
    double seconds = request.window().length().toMillis() / 1000.0;
    for (Row r : pageRows) {
      items.add(toSeries(r, seconds, request.detail()));
    }
    if (!more) {
      return Page.last(items);
    }
    Row last = pageRows.get(pageRows.size() - 1);
    return new Page<>(
        items, Optional.of(new Cursor(List.of(last.metric, last.service, last.fingerprint))));
  }

  /**
   * One series by object name: first the metric names in the window whose sanitized form is the
   * name's prefix (one statement reading only names), then the series query of those names' tables
   * restricted to them and to the fingerprint.
   */
  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    Optional<SeriesNames.Parsed> parsed = SeriesNames.parse(name);
    List<MetricType> types = MetricTables.present(ctx);
    if (parsed.isEmpty() || types.isEmpty()) {
      return Optional.empty();
    }
    Map<MetricType, List<String>> candidates = new EnumMap<>(MetricType.class);
    for (JsonNode j : ctx.gateway().select(MetricSql.names(ctx, types, window))) {
      String metric = Rows.text(j, "m_name");
      if (SeriesNames.sanitize(metric).equals(parsed.get().prefix())) {
        candidates
            .computeIfAbsent(MetricType.valueOf(Rows.text(j, "m_type")), t -> new ArrayList<>())
            .add(metric);
      }
    }
    double seconds = window.length().toMillis() / 1000.0;
    for (Map.Entry<MetricType, List<String>> c : candidates.entrySet()) {
      String sql =
          MetricSql.series(
              ctx,
              c.getKey(),
              Optional.of(namespace),
              window,
              List.of(),
              Optional.empty(),
              true,
              c.getValue(),
              Optional.of(parsed.get().fingerprint()),
              10);
      for (JsonNode j : ctx.gateway().select(sql)) {
        Row r =
            new Row(
                Rows.text(j, "m_name"),
                Rows.text(j, "m_service"),
                Rows.text(j, "m_fp"),
                c.getKey(),
                j);
        if (SeriesNames.name(r.metric, r.fingerprint).equals(name)) {
          return Optional.of(toSeries(r, seconds, true));
        }
      }
    }
    return Optional.empty();
  }

  private static MetricSeries toSeries(Row r, double windowSeconds, boolean detail) {
    JsonNode j = r.json;
    boolean monotonic = r.type == MetricType.SUM && Rows.longValue(j, "m_monotonic") == 1;
    boolean statsOnly = j.has("m_count");
    SeriesData data = statsOnly ? null : data(r.type, monotonic, j);
    return new MetricSeries(
        SeriesNames.name(r.metric, r.fingerprint),
        Rows.text(j, "m_ns"),
        r.metric,
        r.type,
        Rows.text(j, "m_unit"),
        Rows.text(j, "m_description"),
        r.service,
        Rows.text(j, "m_pod"),
        monotonic,
        Rows.map(j.get("m_attr_keys"), j.get("m_attr_values")),
        Rows.map(j.get("m_res_keys"), j.get("m_res_values")),
        statsOnly ? gaugeStats(j) : MetricStatsCalculator.stats(data, windowSeconds),
        detail && !statsOnly ? MetricStatsCalculator.points(data) : List.of());
  }

  /** A gauge's statistics as ClickHouse computed them ({@link MetricSql#GAUGE_STATS}). */
  private static MetricStats gaugeStats(JsonNode j) {
    return new MetricStats(
        SqlLiteral.instant(Rows.longValue(j, "m_first")),
        SqlLiteral.instant(Rows.longValue(j, "m_last_time")),
        Rows.doubleValue(j, "m_last"),
        Rows.doubleValue(j, "m_min"),
        Rows.doubleValue(j, "m_max"),
        Rows.doubleValue(j, "m_avg"),
        Rows.longValue(j, "m_count"),
        null,
        null,
        null,
        null);
  }

  /** A row of {@link MetricSql#series} as the type's raw points. */
  private static SeriesData data(MetricType type, boolean monotonic, JsonNode j) {
    int temporality = (int) Rows.longValue(j, "m_temporality");
    long[] times = Rows.longs(j.get("m_times"));
    double[] values = Rows.doubles(j.get("m_values"));
    return switch (type) {
      case GAUGE, SUM -> SeriesData.values(type, monotonic, temporality, times, values);
      case HISTOGRAM -> {
        JsonNode b = j.get("m_buckets");
        double[][] buckets = new double[b.size()][];
        for (int i = 0; i < b.size(); i++) {
          buckets[i] = Rows.doubles(b.get(i));
        }
        yield SeriesData.histogram(
            temporality,
            times,
            values,
            Rows.doubles(j.get("m_sums")),
            buckets,
            Rows.doubles(j.get("m_bounds")),
            Rows.doubles(j.get("m_mins")),
            Rows.doubles(j.get("m_maxs")));
      }
      case EXPONENTIAL_HISTOGRAM ->
          SeriesData.exponential(
              temporality,
              times,
              values,
              Rows.doubles(j.get("m_sums")),
              ExponentialBuckets.read(j, "m_"),
              Rows.doubles(j.get("m_mins")),
              Rows.doubles(j.get("m_maxs")));
      case SUMMARY ->
          SeriesData.summary(
              times,
              values,
              Rows.doubles(j.get("m_sums")),
              SummaryQuantiles.read(j.get("m_quantiles"), j.get("m_quantile_values")));
    };
  }
}
