package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result cache through the real server process over real ClickHouse: two TelemetryTenants, each
 * with its own database holding rows for its namespace. A repeated request is answered from the
 * cache — the server's {@code /metrics} count a hit and no further ClickHouse query — while the
 * other tenant's identical request misses and reads its own database; identical concurrent requests
 * run one query between them, and each gets the whole answer.
 */
class ResultCacheIT {
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final int ROWS = 25;

  private static LocalClickHouse own;
  private static LocalClickHouse alpha;
  private static LocalClickHouse beta;
  private static ApiServerProcess server;
  private static HttpClient client;
  private static Instant now;

  @BeforeAll
  static void start() throws Exception {
    own = LocalClickHouse.start("cache_own");
    alpha = LocalClickHouse.start("cache_alpha");
    beta = LocalClickHouse.start("cache_beta");
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-cache-");
    Path resources = Files.createDirectories(work.resolve("resources"));
    for (var tenant : Map.of("alpha", alpha, "beta", beta).entrySet()) {
      Files.writeString(
          resources.resolve(tenant.getKey() + ".yaml"),
          "apiVersion: kubetel.io/v1alpha1\nkind: TelemetryTenant\nmetadata:\n  name: "
              + tenant.getKey()
              + "\nspec:\n  database: "
              + tenant.getValue().database()
              + "\n  namespaces: ["
              + tenant.getKey()
              + "]\n  quotas:\n    requestsPerSecond: 1000\n    maxConcurrentQueries: 50\n");
    }
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (var db : List.of(alpha, beta)) {
      String namespace = db == alpha ? "alpha" : "beta";
      TelemetryBatch batch = new TelemetryBatch();
      for (int i = 0; i < ROWS; i++) {
        batch.logs.add(
            TenantLogs.log(
                namespace, now.minusSeconds(300 + i), "db=" + db.database() + " n=" + i));
      }
      db.writer().write(batch);
    }
    server =
        ApiServerProcess.startOnClickHouse(
            work,
            LocalClickHouse.url(),
            own.database(),
            "--custom-resources-dir",
            resources.toString(),
            // No background ClickHouse reads between the measured requests.
            "--readiness-interval",
            "1h",
            // Relative windows of this test stay in one bucket and entry.
            "--result-cache-bucket",
            "1h",
            "--result-cache-ttl",
            "1h");
    client = server.httpClient(true);
    // Open both tenants' stores (their first read also probes the table layout) so the tests count
    // only the queries of their own requests.
    bodies(list("alpha", "window=3h&limit=1"));
    bodies(list("beta", "window=3h&limit=1"));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, alpha, beta, own);
  }

  /** The server's counters that matter here, from {@code /metrics}. */
  private record Counts(double hits, double misses, double coalesced, double queries) {}

  private static Counts counts() throws Exception {
    HttpResponse<String> r = server.get(client, "/metrics", Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    return new Counts(
        value(r.body(), "kubetel_apiserver_result_cache_hits_total"),
        value(r.body(), "kubetel_apiserver_result_cache_misses_total"),
        value(r.body(), "kubetel_apiserver_result_cache_coalesced_total"),
        value(r.body(), "kubetel_clickhouse_query_seconds_count"));
  }

  private static double value(String metrics, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
    assertThat(m.find()).as("%s on /metrics", name).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static List<String> bodies(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode item : JSON.readTree(r.body()).path("items")) {
      out.add(item.path("spec").path("body").asText());
    }
    return out;
  }

  private static HttpResponse<String> list(String namespace, String query) throws Exception {
    return server.get(client, G + "/namespaces/" + namespace + "/logs?" + query, Map.of());
  }

  @Test
  void aRepeatedRequestIsServedFromTheCacheAndAnotherTenantsMisses() throws Exception {
    String query = "window=1h&limit=100&labelSelector=severity%3DINFO";
    Counts before = counts();
    List<String> first = bodies(list("alpha", query));
    Counts afterFirst = counts();
    List<String> second = bodies(list("alpha", query));
    Counts afterSecond = counts();

    assertThat(first).hasSize(ROWS).allMatch(b -> b.startsWith("db=" + alpha.database()));
    assertThat(second).isEqualTo(first);
    assertThat(afterFirst.misses()).isEqualTo(before.misses() + 1);
    assertThat(afterFirst.queries()).isGreaterThan(before.queries());
    assertThat(afterSecond.hits()).isEqualTo(afterFirst.hits() + 1);
    assertThat(afterSecond.queries())
        .as("no second ClickHouse query")
        .isEqualTo(afterFirst.queries());

    // The same request in the other tenant's namespace: its own entry, its own database.
    List<String> other = bodies(list("beta", query));
    Counts afterOther = counts();
    assertThat(other).hasSize(ROWS).allMatch(b -> b.startsWith("db=" + beta.database()));
    assertThat(afterOther.misses()).isEqualTo(afterSecond.misses() + 1);
    assertThat(afterOther.hits()).isEqualTo(afterSecond.hits());
    assertThat(afterOther.queries()).isGreaterThan(afterSecond.queries());
  }

  @Test
  void absoluteWindowsInThePastAndSelectorsInAnotherOrderShareAnEntry() throws Exception {
    String start = now.minusSeconds(3600).toString();
    String end = now.minusSeconds(120).toString();
    String a = "start=" + start + "&end=" + end + "&labelSelector=severity%3DINFO,service%3Dsvc";
    String b = "start=" + start + "&end=" + end + "&labelSelector=service%3Dsvc,severity%3DINFO";
    List<String> first = bodies(list("alpha", a));
    Counts middle = counts();
    List<String> second = bodies(list("alpha", b));
    Counts after = counts();
    assertThat(first).hasSize(ROWS);
    assertThat(second).isEqualTo(first);
    assertThat(after.hits()).isEqualTo(middle.hits() + 1);
    assertThat(after.queries()).isEqualTo(middle.queries());
  }

  @Test
  void identicalConcurrentRequestsRunOneQueryAndEachGetsTheWholeAnswer() throws Exception {
    String query = "window=2h&limit=7";
    int n = 12;
    Counts before = counts();
    List<CompletableFuture<List<String>>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return bodies(list("beta", query));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<List<String>> answers = new ArrayList<>();
    for (CompletableFuture<List<String>> call : calls) {
      answers.add(call.get());
    }
    Counts after = counts();
    assertThat(answers).allSatisfy(a -> assertThat(a).hasSize(7).isEqualTo(answers.get(0)));
    assertThat(after.misses()).isEqualTo(before.misses() + 1);
    assertThat((after.hits() - before.hits()) + (after.coalesced() - before.coalesced()))
        .isEqualTo(n - 1);
    // One uncached logs page is one ClickHouse query.
    assertThat(after.queries() - before.queries()).isEqualTo(1);
  }
}
