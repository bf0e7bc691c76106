package io.kubetel.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.logs.LogSql;
import io.kubetel.store.metrics.MetricSql;
import io.kubetel.store.query.QuerySql;
import io.kubetel.store.traces.TraceSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the MODERN SQL of every query shape, for kubetel's own (the current exporter's) tables, to
 * files under {@code src/test/resources/golden}: a fast check that shows every SQL change in
 * review. The real cover is the ITs, which run this SQL on ClickHouse 26.7 against both exporter
 * generations. Regenerate after an intended change with {@code -Dkubetel.golden.update=true} and
 * review the diff.
 */
class GoldenSqlTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final ReadContext MODERN = new ReadContext(null, Dialect.of(SchemaLayout.MODERN), "otel");
  static final TimeWindow WINDOW =
      new TimeWindow(
          Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T11:00:00.5Z"));
  static final List<FieldFilter> FILTERS =
      List.of(
          FieldFilter.eq("pod", "checkout-1"),
          new FieldFilter("http.route", FilterOperator.NOT_IN, List.of("/a", "/b'c")),
          new FieldFilter("resource.k8s.node.name", FilterOperator.EXISTS, List.of()));

  static Map<String, String> cases() {
    return cases(MODERN);
  }

  /** Every query shape's SQL in one read context (a dialect over some discovered tables). */
  static Map<String, String> cases(ReadContext ctx) {
    Map<String, String> c = new LinkedHashMap<>();
    for (MetricType t : MetricType.values()) {
      c.put(
          "metrics-list-" + t.name().toLowerCase(),
          MetricSql.series(
              ctx,
              t,
              Optional.of("shop"),
              WINDOW,
              FILTERS,
              Optional.of(new Cursor(List.of("http.server.requests", "checkout", "0123456789"))),
              true,
              List.of(),
              Optional.empty(),
              101));
    }
    c.put(
        "metrics-get-gauge",
        MetricSql.series(
            ctx,
            MetricType.GAUGE,
            Optional.of("shop"),
            WINDOW,
            List.of(),
            Optional.empty(),
            true,
            List.of("http.server.requests", "http_server_requests"),
            Optional.of("0123456789"),
            10));
    c.put(
        "metrics-list-gauge-table",
        MetricSql.series(
            ctx,
            MetricType.GAUGE,
            Optional.of("shop"),
            WINDOW,
            FILTERS,
            Optional.empty(),
            false,
            List.of(),
            Optional.empty(),
            101));
    c.put("metrics-names", MetricSql.names(ctx, List.of(MetricType.values()), WINDOW));
    c.put(
        "traces-list",
        TraceSql.list(
            ctx,
            Optional.of("shop"),
            WINDOW,
            List.of(
                FieldFilter.eq("service", "cart"),
                new FieldFilter("status", FilterOperator.NOT_EQUALS, List.of("Error"))),
            Optional.of(
                new Cursor(List.of("1764064800000000000", "0af7651916cd43dd8448eb211c80319c"))),
            51));
    c.put("traces-locate", TraceSql.locate(ctx, "0af7651916cd43dd8448eb211c80319c"));
    c.put(
        "traces-spans",
        TraceSql.spans(ctx, "0af7651916cd43dd8448eb211c80319c", WINDOW.start(), WINDOW.end()));
    c.put(
        "logs-list",
        LogSql.list(
            ctx,
            Optional.of("shop"),
            WINDOW,
            List.of(new FieldFilter("severity", FilterOperator.IN, List.of("WARN", "ERROR"))),
            Optional.of(new Cursor(List.of("1764064800000000001", "89abcdef"))),
            101));
    c.put("logs-get", LogSql.get(ctx, "shop", 1764064800000000001L, "89abcdef"));
    for (Signal signal : Signal.values()) {
      for (Aggregation a : Aggregation.values()) {
        if (signal == Signal.LOGS && a != Aggregation.COUNT && a != Aggregation.RATE) {
          continue;
        }
        ResolvedQuery q = query(signal, a);
        String name = "query-" + signal.name().toLowerCase() + "-" + a.name().toLowerCase();
        if (signal == Signal.METRICS) {
          for (MetricType t : MetricType.values()) {
            if (t == MetricType.GAUGE && a == Aggregation.RATE) {
              continue;
            }
            String sql =
                QuerySql.isDirect(q, Optional.of(t))
                    ? QuerySql.direct(ctx, q, Optional.of("shop"), Optional.of(t))
                    : QuerySql.perSeries(ctx, q, Optional.of("shop"), t);
            c.put(name + "-" + t.name().toLowerCase(), sql);
          }
        } else {
          c.put(name, QuerySql.direct(ctx, q, Optional.of("shop"), Optional.empty()));
        }
      }
    }
    c.put(
        "query-metric-probe",
        QuerySql.metricProbe(
            ctx, MetricType.SUM, query(Signal.METRICS, Aggregation.RATE), Optional.of("shop")));
    return c;
  }

  static ResolvedQuery query(Signal signal, Aggregation a) {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(signal);
    s.setMetric(signal == Signal.METRICS ? "http.server.requests" : null);
    s.setAggregation(a);
    s.setGroupBy(List.of("service", "http.route"));
    s.setFilters(
        List.of(
            new io.kubetel.model.query.QueryFilter(
                "pod", io.kubetel.model.query.QueryFilterOperator.NotEquals, List.of("x"))));
    s.setStart("2026-11-25T10:00:00Z");
    s.setEnd("2026-11-25T11:00:00Z");
    s.setStep("5m");
    return QueryValidator.validate(s, Instant.parse("2026-11-25T11:00:00Z"));
  }

  static Stream<Arguments> shapes() {
    List<Arguments> args = new ArrayList<>();
    cases().forEach((k, v) -> args.add(Arguments.of(k, v)));
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void modernSqlMatchesGolden(String name, String sql) throws IOException {
    Path file = DIR.resolve(name + ".sql");
    if (Boolean.getBoolean("kubetel.golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (regenerate with -Dkubetel.golden.update=true)", file)
        .exists();
    assertThat(sql + "\n").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
