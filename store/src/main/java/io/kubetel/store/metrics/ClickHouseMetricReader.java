package io.kubetel.store.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.sql.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads metric series from the gauge, sum and histogram tables that exist: one query per table,
 * merged in (metric name, service, fingerprint) order, which is also the keyset of the cursor.
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
    List<String> present = ctx.present(Tables.METRICS);
    for (MetricType type : MetricType.values()) {
      if (!present.contains(type.table()) || !MetricSql.typeMatches(type, request.filters())) {
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

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    Optional<SeriesNames.Parsed> parsed = SeriesNames.parse(name);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    double seconds = window.length().toMillis() / 1000.0;
    List<String> present = ctx.present(Tables.METRICS);
    for (MetricType type : MetricType.values()) {
      if (!present.contains(type.table())) {
        continue;
      }
      String sql =
          MetricSql.series(
              ctx,
              type,
              Optional.of(namespace),
              window,
              List.of(),
              Optional.empty(),
              Optional.of(parsed.get().fingerprint()),
              10);
      for (JsonNode j : ctx.gateway().select(sql)) {
        Row r =
            new Row(
                Rows.text(j, "m_name"), Rows.text(j, "m_service"), Rows.text(j, "m_fp"), type, j);
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
    int temporality = (int) Rows.longValue(j, "m_temporality");
    double[][] buckets = null;
    if (r.type == MetricType.HISTOGRAM) {
      JsonNode b = j.get("m_buckets");
      buckets = new double[b.size()][];
      for (int i = 0; i < b.size(); i++) {
        buckets[i] = Rows.doubles(b.get(i));
      }
    }
    boolean hist = r.type == MetricType.HISTOGRAM;
    SeriesData data =
        new SeriesData(
            r.type,
            monotonic,
            temporality,
            Rows.longs(j.get("m_times")),
            Rows.doubles(j.get("m_values")),
            hist ? Rows.doubles(j.get("m_sums")) : null,
            buckets,
            hist ? Rows.doubles(j.get("m_bounds")) : null,
            hist ? Rows.doubles(j.get("m_mins")) : null,
            hist ? Rows.doubles(j.get("m_maxs")) : null);
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
        MetricStatsCalculator.stats(data, windowSeconds),
        detail ? MetricStatsCalculator.points(data) : List.of());
  }
}
