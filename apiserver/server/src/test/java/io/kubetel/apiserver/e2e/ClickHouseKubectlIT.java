package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.ExpBuckets;
import io.kubetel.store.write.TelemetryBatch.ValueAtQuantile;
import io.kubetel.store.write.TelemetryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production binary ({@code ApiServerMain}: ClickHouse store from flags + real handlers) as a
 * process against the local ClickHouse, read with kubectl. Proves the flag-to-store wiring and that
 * the metric types beyond gauges, sums and histograms (an exponential histogram, a summary) reach
 * kubectl with their type and statistics while a staleness marker does not; the full data e2e suite
 * is {@link TelemetryKubectlIT}.
 */
class ClickHouseKubectlIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MEMORY = "process.memory.usage";
  private static final String CLIENT = "rpc.client.duration";
  private static final String SERVER = "rpc.server.duration";

  private static LocalClickHouse clickhouse;
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("apiserver_kubectl");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant t1 = now.minusSeconds(120);
    Instant t2 = now.minusSeconds(60);
    TelemetryBatch batch = new TelemetryBatch();
    Map<String, String> resource =
        Map.of(
            "k8s.namespace.name", "shop",
            "k8s.pod.name", "checkout-1",
            "service.name", "checkout");
    batch.gauges.add(
        new TelemetryBatch.Gauge(
            resource, "checkout", MEMORY, "By", "memory in use", Map.of(), t2, 42));
    // A staleness marker after it: kubectl must still show 42.
    batch.gauges.add(
        new TelemetryBatch.Gauge(
            resource,
            "checkout",
            MEMORY,
            "By",
            "memory in use",
            Map.of(),
            now.minusSeconds(30),
            999,
            TelemetryBatch.NO_RECORDED_VALUE));
    // Exponential histogram: 4 calls in (8, 16] ms, then 10 more (2 zeros, 8 in (16, 40] ms).
    batch.exponentialHistograms.add(
        exponential(
            resource, t1, 4, 40, new ExpBuckets(0, 0, 3, List.of(4L), 0, List.of()), 9, 15));
    batch.exponentialHistograms.add(
        exponential(
            resource, t2, 14, 240, new ExpBuckets(-1, 2, 1, List.of(4L, 8L), 0, List.of()), 0, 40));
    // Summary: 50 calls of 12 ms on average; the latest point recorded p50 9 and p99 50.
    batch.summaries.add(summary(resource, t1, 100, 1000, 8, 45));
    batch.summaries.add(summary(resource, t2, 150, 1600, 9, 50));
    new TelemetryWriter(clickhouse.gateway(), clickhouse.layout()).write(batch);
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-clickhouse-");
    server = ApiServerProcess.startOnClickHouse(work, LocalClickHouse.url(), clickhouse.database());
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  private static TelemetryBatch.ExponentialHistogram exponential(
      Map<String, String> resource,
      Instant time,
      long count,
      double sum,
      ExpBuckets buckets,
      double min,
      double max) {
    return new TelemetryBatch.ExponentialHistogram(
        resource,
        "checkout",
        CLIENT,
        "ms",
        "outgoing call duration",
        Map.of("rpc.method", "Charge"),
        time.minusSeconds(600),
        time,
        count,
        sum,
        buckets,
        min,
        max,
        2,
        0);
  }

  private static TelemetryBatch.Summary summary(
      Map<String, String> resource, Instant time, long count, double sum, double p50, double p99) {
    return new TelemetryBatch.Summary(
        resource,
        "checkout",
        SERVER,
        "ms",
        "incoming call duration",
        Map.of(),
        time.minusSeconds(600),
        time,
        count,
        sum,
        List.of(new ValueAtQuantile(0.5, p50), new ValueAtQuantile(0.99, p99)),
        0);
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, clickhouse);
  }

  @Test
  void readyAgainstClickHouse() throws Exception {
    Kubectl.Result ready = kubectl.ok("get", "--raw", "/readyz?verbose");

    assertThat(ready.stdout()).contains("[+]store ok");
  }

  @Test
  void kubectlListsMetricsWrittenToClickHouse() throws Exception {
    Kubectl.Result namespaced = kubectl.ok("get", "metrics", "-n", "shop");
    Kubectl.Result elsewhere = kubectl.ok("get", "metrics", "-n", "payments");

    assertThat(namespaced.stdout()).contains(MEMORY).contains("checkout");
    // The staleness marker (999) is no point: the gauge's last value stays 42.
    assertThat(row(namespaced.stdout(), MEMORY)).containsPattern("Gauge\\s+checkout\\s+42\\s+By");
    assertThat(elsewhere.stderr()).contains("No resources found in payments namespace.");
  }

  @Test
  void exponentialHistogramsAndSummariesShowTheirTypeAndStatistics() throws Exception {
    Kubectl.Result table = kubectl.ok("get", "metrics", "-n", "shop");
    Kubectl.Result wide = kubectl.ok("get", "metrics", "-n", "shop", "-o", "wide");
    JsonNode list =
        JSON.readTree(kubectl.ok("get", "metrics", "-n", "shop", "-o", "json").stdout());
    Kubectl.Result summaries =
        kubectl.ok("get", "metrics", "-n", "shop", "--field-selector=type=Summary", "-o", "name");
    Kubectl.Result exponentials =
        kubectl.ok("get", "metrics", "-n", "shop", "-l", "type=ExponentialHistogram", "-o", "name");

    // LAST is the latest mean: 240/14 and 1600/150.
    assertThat(row(table.stdout(), CLIENT))
        .containsPattern("ExponentialHistogram\\s+checkout\\s+17.1429\\s+ms");
    assertThat(row(table.stdout(), SERVER)).containsPattern("Summary\\s+checkout\\s+10.6667\\s+ms");
    // Wide: MIN MAX AVG COUNT RATE P99. The summary records no 0/1 quantile: no MIN or MAX.
    assertThat(row(wide.stdout(), CLIENT))
        .containsPattern("checkout-1\\s+0\\s+40\\s+20\\s+10\\s+0.166667\\s+39.7\\s*$");
    assertThat(row(wide.stdout(), SERVER)).containsPattern("\\s12\\s+50\\s+0.833333\\s+50\\s*$");

    JsonNode client = item(list, CLIENT);
    assertThat(client.path("spec").path("type").asText()).isEqualTo("ExponentialHistogram");
    assertThat(client.path("metadata").path("labels").path("type").asText())
        .isEqualTo("ExponentialHistogram");
    assertThat(client.path("status").path("count").asLong()).isEqualTo(10);
    assertThat(client.path("status").path("p50").asDouble()).isEqualTo(25.0);
    assertThat(client.path("status").path("points")).hasSize(2);
    assertThat(client.path("status").path("points").get(1).path("sum").asDouble()).isEqualTo(240);
    JsonNode serverSide = item(list, SERVER);
    assertThat(serverSide.path("spec").path("type").asText()).isEqualTo("Summary");
    assertThat(serverSide.path("status").path("count").asLong()).isEqualTo(50);
    assertThat(serverSide.path("status").path("p50").asDouble()).isEqualTo(9.0);
    assertThat(serverSide.path("status").path("p99").asDouble()).isEqualTo(50.0);
    assertThat(serverSide.path("status").has("p95")).as("0.95 is not recorded").isFalse();
    assertThat(serverSide.path("status").has("min")).isFalse();
    assertThat(summaries.stdout().lines()).singleElement().asString().contains(SERVER);
    assertThat(exponentials.stdout().lines()).singleElement().asString().contains(CLIENT);
  }

  /** The one table line naming {@code metric}. */
  private static String row(String table, String metric) {
    List<String> rows = table.lines().filter(l -> l.contains(" " + metric + " ")).toList();
    assertThat(rows).as("rows of %s in\n%s", metric, table).hasSize(1);
    return rows.get(0);
  }

  private static JsonNode item(JsonNode list, String metric) {
    for (JsonNode item : list.path("items")) {
      if (item.path("spec").path("metricName").asText().equals(metric)) {
        return item;
      }
    }
    throw new AssertionError("no " + metric + " in " + list);
  }
}
