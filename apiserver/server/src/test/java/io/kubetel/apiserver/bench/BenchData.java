package io.kubetel.apiserver.bench;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's data sets, generated inside ClickHouse with {@code INSERT ... SELECT FROM
 * numbers()} (nothing crosses the network), in the layout the engine uses. One database per size,
 * reused while its marker table says it holds the asked-for sizes.
 *
 * <p>Shape: namespace {@code bench}; 1000 metric series (500 gauges, 500 monotonic sums: 10
 * services × 10 metric names × 5 routes per type), one point every 10 s per series ending at the
 * anchor, so more points mean a longer history, not more series; 10-span traces every 100 ms; one
 * log record every 10 ms over 10 services. The anchor (the newest time) is the minute the data was
 * generated; queries use windows ending at it.
 */
final class BenchData {
  static final String NAMESPACE = "bench";
  static final int SERIES_PER_TYPE = 500;

  /**
   * Names the data set's marker table; bumped when the DDL kubetel creates changes (e.g. sort
   * keys), so a run regenerates tables an older version created instead of measuring them.
   */
  private static final String MARKER = "kubetel_bench_marker_v2";

  private final ClickHouseGateway gateway;
  private final SchemaLayout layout;
  private final String db;

  BenchData(ClickHouseGateway gateway, SchemaLayout layout) {
    this.gateway = gateway;
    this.layout = layout;
    this.db = gateway.database();
  }

  /** The sizes of one data set. */
  record Sizes(long points, long spans, long logs) {
    String label() {
      return human(points) + " points, " + human(spans) + " spans, " + human(logs) + " logs";
    }

    static String human(long n) {
      if (n >= 1_000_000 && n % 1_000_000 == 0) {
        return n / 1_000_000 + " M";
      }
      return n >= 1000 && n % 1000 == 0 ? n / 1000 + " k" : Long.toString(n);
    }
  }

  /**
   * The data set of {@code sizes} in {@code settings}' database, generated when missing (with a
   * client allowed the long statements generation runs); returns its newest minute.
   */
  static Instant ensure(ClickHouseSettings settings, SchemaLayout layout, Sizes sizes) {
    try (var generator =
        new ClickHouseGateway(
            settings.withLimits(
                Duration.ofMinutes(20), settings.maxResultRows(), settings.maxRowsToRead()))) {
      return new BenchData(generator, layout).ensure(sizes);
    }
  }

  /** The database the benchmarks keep the data set of {@code points} metric points in. */
  static String database(long points) {
    return "kubetel_bench_" + Sizes.human(points).replace(" ", "").toLowerCase();
  }

  /** Creates the tables and the data unless the database already holds these sizes. */
  Instant ensure(Sizes sizes) {
    Optional<Instant> existing = existingAnchor(sizes);
    if (existing.isPresent()) {
      System.out.printf("bench: reusing %s in %s%n", sizes.label(), db);
      return existing.get();
    }
    var schema = new ClickHouseSchemaManager(gateway, layout);
    if (schema.databaseExists(db)) {
      schema.dropDatabase(db);
    }
    schema.ensureSchema(db);
    Instant anchor = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    long started = System.nanoTime();
    for (String sql : inserts(sizes, anchor)) {
      // numbers(0) is unbounded on 18.16: an empty part is simply not inserted
      if (!sql.endsWith("numbers(0)") && !sql.endsWith("numbers(0))")) {
        gateway.execute(sql);
      }
    }
    gateway.execute(
        "CREATE TABLE "
            + db
            + "."
            + MARKER
            + " (anchor UInt64, points UInt64, spans UInt64, logs UInt64) ENGINE = TinyLog");
    gateway.execute(
        "INSERT INTO %s.%s VALUES (%d, %d, %d, %d)"
            .formatted(
                db, MARKER, anchor.getEpochSecond(), sizes.points(), sizes.spans(), sizes.logs()));
    System.out.printf(
        "bench: generated %s in %s in %.1f s%n",
        sizes.label(), db, (System.nanoTime() - started) / 1e9);
    return anchor;
  }

  private Optional<Instant> existingAnchor(Sizes sizes) {
    try {
      var rows =
          gateway.select(
              "SELECT anchor, points, spans, logs FROM "
                  + db
                  + "."
                  + MARKER
                  + " FORMAT JSONEachRow");
      if (rows.size() == 1
          && rows.get(0).path("points").asLong() == sizes.points()
          && rows.get(0).path("spans").asLong() == sizes.spans()
          && rows.get(0).path("logs").asLong() == sizes.logs()) {
        return Optional.of(Instant.ofEpochSecond(rows.get(0).path("anchor").asLong()));
      }
    } catch (RuntimeException e) {
      // no marker: generate
    }
    return Optional.empty();
  }

  private List<String> inserts(Sizes s, Instant anchor) {
    long a = anchor.getEpochSecond();
    return List.of(
        metrics("otel_metrics_gauge", s.points() / 2, a, false),
        metrics("otel_metrics_sum", s.points() / 2, a, true),
        spans(s.spans(), a),
        logs(s.logs(), a));
  }

  private boolean compat() {
    return layout == SchemaLayout.COMPAT;
  }

  /** Columns and values of an attribute map (Nested in COMPAT, Map in MODERN). */
  private String[] attrs(String column, String... keyValueExprs) {
    StringBuilder keys = new StringBuilder("[");
    StringBuilder values = new StringBuilder("[");
    StringBuilder map = new StringBuilder("map(");
    for (int i = 0; i < keyValueExprs.length; i += 2) {
      String sep = i == 0 ? "" : ", ";
      keys.append(sep).append(keyValueExprs[i]);
      values.append(sep).append(keyValueExprs[i + 1]);
      map.append(sep).append(keyValueExprs[i]).append(", ").append(keyValueExprs[i + 1]);
    }
    if (compat()) {
      return new String[] {column + ".key, " + column + ".value", keys + "], " + values + "]"};
    }
    return new String[] {column, map + ")"};
  }

  private String[] resource(String service) {
    return attrs(
        "ResourceAttributes",
        "'service.name'",
        service,
        "'k8s.namespace.name'",
        "'" + NAMESPACE + "'",
        "'k8s.pod.name'",
        "concat(" + service + ", '-pod-0')");
  }

  /** A time {@code secondsExpr} seconds and {@code nanosExpr} nanoseconds after the epoch. */
  private String time(String nanosExpr, boolean secondsOnly) {
    if (compat()) {
      return "toUInt64(" + nanosExpr + ")";
    }
    return secondsOnly
        ? "toDateTime(intDiv(" + nanosExpr + ", 1000000000), 'UTC')"
        : "fromUnixTimestamp64Nano(toInt64(" + nanosExpr + "), 'UTC')";
  }

  private String metrics(String table, long rows, long anchor, boolean sum) {
    String service = "concat('svc-', toString(series % 10))";
    String[] res = resource(service);
    String[] attr =
        attrs("Attributes", "'http.route'", "concat('/r', toString(intDiv(series, 100)))");
    String t = time(anchor + "000000000 - k * 10000000000", true);
    String metric =
        "concat('bench." + (sum ? "requests" : "load") + ".', toString(intDiv(series, 10) % 10))";
    String cols =
        "ServiceName, MetricName, MetricUnit, "
            + res[0]
            + ", "
            + attr[0]
            + ", StartTimeUnix, TimeUnix, Value"
            + (sum ? ", AggregationTemporality, IsMonotonic" : "");
    String vals =
        service
            + ", "
            + metric
            + ", '1', "
            + res[1]
            + ", "
            + attr[1]
            + ", "
            + t
            + ", "
            + t
            + (sum
                ? ", toFloat64(" + rows / SERIES_PER_TYPE + " - k) * 3, 2, 1"
                : ", toFloat64((number * 7919) % 1000)");
    return "INSERT INTO %s.%s (%s) SELECT %s FROM (SELECT number, number %% %d AS series, intDiv(number, %d) AS k FROM numbers(%d))"
        .formatted(db, table, cols, vals, SERIES_PER_TYPE, SERIES_PER_TYPE, rows);
  }

  private String spans(long rows, long anchor) {
    String service = "concat('svc-', toString((trace + s) % 10))";
    String[] res = resource(service);
    String[] attr = attrs("SpanAttributes", "'http.route'", "concat('/r', toString(trace % 5))");
    String spanId = "substring(lower(hex(MD5(concat(toString(trace), '-', toString(s))))), 1, 16)";
    String parent =
        "if(s = 0, '', substring(lower(hex(MD5(concat(toString(trace), '-0')))), 1, 16))";
    String cols =
        "Timestamp, TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName, "
            + res[0]
            + ", "
            + attr[0]
            + ", Duration, StatusCode";
    String vals =
        time(anchor + "000000000 - trace * 100000000 + s * 1000000", false)
            + ", lower(hex(MD5(toString(trace)))), "
            + spanId
            + ", "
            + parent
            + ", if(s = 0, 'GET /checkout', concat('op-', toString(s))), 'Server', "
            + service
            + ", "
            + res[1]
            + ", "
            + attr[1]
            + ", toUInt64((10 - s) * 1000000), if(s = 0 AND trace % 50 = 0, 'Error', 'Unset')";
    return "INSERT INTO %s.otel_traces (%s) SELECT %s FROM (SELECT intDiv(number, 10) AS trace, number %% 10 AS s FROM numbers(%d))"
        .formatted(db, cols, vals, rows);
  }

  private String logs(long rows, long anchor) {
    String service = "concat('svc-', toString(number % 10))";
    String[] res = resource(service);
    String[] attr = attrs("LogAttributes", "'http.route'", "concat('/r', toString(number % 5))");
    String cols =
        "Timestamp, ServiceName, SeverityText, SeverityNumber, Body, " + res[0] + ", " + attr[0];
    String vals =
        time(anchor + "000000000 - number * 10000000", false)
            + ", "
            + service
            + ", ['INFO', 'WARN', 'ERROR'][number % 3 + 1], [9, 13, 17][number % 3 + 1],"
            + " concat('request ', toString(number), ' handled'), "
            + res[1]
            + ", "
            + attr[1];
    return "INSERT INTO %s.otel_logs (%s) SELECT %s FROM numbers(%d)"
        .formatted(db, cols, vals, rows);
  }
}
