package io.kubetel.apiserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The API benchmark ({@code hack/bench.sh api}): each read the API serves, timed uncached through
 * the production router and handlers, next to the raw ClickHouse HTTP time of exactly the SQL that
 * request ran (captured at the gateway) in the same run, with the rows ClickHouse read per item
 * returned. Not a test (no {@code *Test}/{@code *IT} suffix): run only by name. Numbers are printed
 * and written to {@code target/bench/api-result.txt}, never asserted.
 */
class ApiBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Unmeasured runs first: the JIT and ClickHouse's caches are cold. */
  private static final int WARMUP = 1;

  private static final String API = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/bench/";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
  private int port;
  // On the modern engine (hack/chdb) rows read are the index's estimate: its summary header counts
  // rows returned, and it keeps no query_log.
  private boolean estimate;

  @Test
  void run() throws Exception {
    String url = System.getProperty("kubetel.clickhouse.url");
    String engine = System.getProperty("kubetel.clickhouse.engine", "debian");
    SchemaLayout layout = engine.equals("modern") ? SchemaLayout.MODERN : SchemaLayout.COMPAT;
    estimate = engine.equals("modern");
    int reps = Integer.getInteger("kubetel.bench.reps", 30);
    long[] points =
        Arrays.stream(System.getProperty("kubetel.bench.points", "1000000,10000000").split(","))
            .mapToLong(Long::parseLong)
            .toArray();
    long others = Long.getLong("kubetel.bench.rows", 1_000_000L);
    StringBuilder out = new StringBuilder();
    out.append("engine=")
        .append(engine)
        .append(" reps=")
        .append(reps)
        .append(" cores=")
        .append(Runtime.getRuntime().availableProcessors())
        .append('\n');
    for (int i = 0; i < points.length; i++) {
      long spansAndLogs = i == 0 ? others : 0;
      var sizes = new BenchData.Sizes(points[i], spansAndLogs, spansAndLogs);
      String db = BenchData.database(points[i]);
      out.append(runDataSet(url, layout, db, sizes, reps));
    }
    System.out.println(out);
    Path file = Path.of("target/bench/api-result.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString());
  }

  private String runDataSet(
      String url, SchemaLayout layout, String db, BenchData.Sizes sizes, int reps)
      throws Exception {
    ClickHouseSettings settings = ClickHouseSettings.of(url, db);
    Instant anchor = BenchData.ensure(settings, layout, sizes);
    ClickHouseGateway gateway = new ClickHouseGateway(settings);
    gateway.observe((sql, nanos, rows, read, bytes) -> captured.add(sql));
    var raw = new RawClickHouse(settings);
    var table = new ResultTable("data set: " + sizes.label() + " (" + db + ")");
    try (var store = new ClickHouseTelemetryStore(gateway, layout, Clock.systemUTC());
        var server = TestApiServer.serving(store, Clock.systemUTC(), ResourceSettings.DEFAULTS)) {
      port = server.port();
      String w15 = window(anchor, Duration.ofMinutes(15));
      String w1 = window(anchor, Duration.ofMinutes(1));
      List<Scenario> scenarios = new ArrayList<>();
      scenarios.add(
          new Scenario(
              "list metrics (table, limit 500)", () -> table(API + "metrics?limit=500&" + w15)));
      scenarios.add(
          new Scenario(
              "list metrics (json, limit 500)", () -> items(API + "metrics?limit=500&" + w15)));
      String metric = firstName(API + "metrics?limit=1&" + w15);
      scenarios.add(
          new Scenario(
              "get metric with points", () -> one(API + "metrics/" + enc(metric) + "?" + w15)));
      scenarios.add(
          new Scenario(
              "paged walk metrics (limit 100)", () -> walk(API + "metrics?limit=100&" + w15)));
      scenarios.add(new Scenario("query avg by service (15m, 1m step)", () -> query(anchor)));
      if (sizes.spans() > 0) {
        scenarios.add(
            new Scenario(
                "list traces (table, limit 100)", () -> table(API + "traces?limit=100&" + w15)));
        String trace = firstName(API + "traces?limit=1&" + w15);
        scenarios.add(new Scenario("get trace", () -> one(API + "traces/" + enc(trace))));
      }
      if (sizes.logs() > 0) {
        scenarios.add(
            new Scenario(
                "list logs (table, limit 500)", () -> table(API + "logs?limit=500&" + w15)));
        scenarios.add(
            new Scenario("list logs (json, no limit, 1m)", () -> items(API + "logs?" + w1)));
      }
      for (Scenario s : scenarios) {
        table.add(s.name(), measure(s, raw, reps));
      }
    }
    return table.render();
  }

  private Timings.Row measure(Scenario s, RawClickHouse raw, int reps) throws Exception {
    var api = new Timings();
    var rawTimes = new Timings();
    long readRows = 0;
    long returned = 0;
    int queries = 0;
    List<String> logIds = new ArrayList<>();
    for (int rep = -WARMUP; rep < reps; rep++) {
      captured.clear();
      long started = System.nanoTime();
      int items = s.call().run();
      long apiNanos = System.nanoTime() - started;
      List<String> sqls = new ArrayList<>(captured);
      long rawNanos = 0;
      long read = 0;
      for (String sql : sqls) {
        RawClickHouse.Result r = raw.run(sql);
        rawNanos += r.nanos();
        if (rep == 0) {
          if (estimate) {
            read += raw.estimateRows(sql);
          } else if (r.readRows() >= 0) {
            read += r.readRows();
          } else {
            logIds.add(r.queryId());
          }
        }
      }
      if (rep >= 0) {
        api.add(apiNanos);
        rawTimes.add(rawNanos);
      }
      if (rep == 0) {
        readRows = read;
        returned = items;
        queries = sqls.size();
      }
    }
    if (!logIds.isEmpty()) {
      long fromLog = raw.readRowsFromLog(logIds);
      readRows = fromLog < 0 ? -1 : readRows + fromLog;
    }
    return new Timings.Row(api, rawTimes, queries, readRows, returned);
  }

  private record Scenario(String name, Call call) {}

  @FunctionalInterface
  private interface Call {
    /** Runs the request(s); returns the items returned. */
    int run() throws Exception;
  }

  private static String window(Instant anchor, Duration length) {
    return "start=" + anchor.minus(length) + "&end=" + anchor;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private JsonNode get(String path, String accept) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", accept)
            .GET()
            .build();
    return check(path, http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
  }

  private JsonNode check(String path, HttpResponse<byte[]> r) throws Exception {
    if (r.statusCode() != 200 && r.statusCode() != 201) {
      throw new IllegalStateException(
          path + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(r.body());
  }

  private int table(String path) throws Exception {
    return get(path, TestApiServer.TABLE_ACCEPT).path("rows").size();
  }

  private int items(String path) throws Exception {
    return get(path, "application/json").path("items").size();
  }

  private int one(String path) throws Exception {
    get(path, "application/json");
    return 1;
  }

  private String firstName(String path) throws Exception {
    JsonNode item = get(path, "application/json").path("items").path(0);
    if (item.isMissingNode()) {
      throw new IllegalStateException(path + " listed nothing: is the data set empty?");
    }
    return item.path("metadata").path("name").asText();
  }

  private int walk(String first) throws Exception {
    int n = 0;
    String token = "";
    do {
      JsonNode page =
          get(first + (token.isEmpty() ? "" : "&continue=" + enc(token)), "application/json");
      n += page.path("items").size();
      token = page.path("metadata").path("continue").asText("");
    } while (!token.isEmpty());
    return n;
  }

  private int query(Instant anchor) throws Exception {
    String body =
        """
        {"apiVersion":"telemetry.kubetel.io/v1alpha1","kind":"TelemetryQuery",
         "metadata":{"name":"bench"},
         "spec":{"signal":"metrics","metric":"bench.load.0","aggregation":"avg",
                 "groupBy":["service"],"step":"1m","start":"%s","end":"%s"}}"""
            .formatted(anchor.minus(Duration.ofMinutes(15)), anchor);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + API + "queries"))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    JsonNode result = check("queries", http.send(req, HttpResponse.BodyHandlers.ofByteArray()));
    int points = 0;
    for (JsonNode series : result.path("status").path("series")) {
      points += series.path("points").size();
    }
    return points;
  }
}
