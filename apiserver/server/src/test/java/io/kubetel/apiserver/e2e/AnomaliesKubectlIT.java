package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production binary with {@code --anomaly-scan} against the local ClickHouse, read with real
 * kubectl: a latency step written an hour into a quiet series shows up in {@code kubectl get
 * anomalies -A} with its series, start, end, grade, expected range and observed value, as an
 * Anomaly object with {@code -o json}, selectable by label; discovery lists the resource in the
 * telemetry category; after a restart of the server the scan resumes from its saved state and the
 * anomaly is not written twice.
 */
class AnomaliesKubectlIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP = Duration.ofSeconds(15);

  private static LocalClickHouse clickhouse;
  private static String systemDb;
  private static Path work;
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("apiserver_anomalies");
    systemDb = clickhouse.database() + "_sys";
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant first = now.minus(Duration.ofMinutes(70));
    Instant incident = now.minus(Duration.ofMinutes(10));
    Random random = new Random(3);
    TelemetryBatch batch = new TelemetryBatch();
    for (Instant t = first; t.isBefore(now); t = t.plus(STEP)) {
      boolean step = !t.isBefore(incident) && t.isBefore(incident.plus(Duration.ofMinutes(5)));
      batch.gauges.add(gauge("checkout", t, (step ? 400 : 100) + random.nextGaussian() * 3));
      batch.gauges.add(gauge("cart", t, 100 + random.nextGaussian() * 3));
    }
    clickhouse.writer().write(batch);
    work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-anomalies-");
    server = startServer();
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  private static ApiServerProcess startServer() throws Exception {
    return ApiServerProcess.startOnClickHouse(
        work,
        LocalClickHouse.url(),
        clickhouse.database(),
        "--anomaly-scan",
        "--system-database",
        systemDb,
        "--anomaly-scan-interval",
        "1s",
        "--anomaly-warmup",
        "2h",
        "--anomaly-minimum-duration",
        "30s");
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server);
    if (clickhouse != null) {
      clickhouse.gateway().execute("DROP DATABASE IF EXISTS " + systemDb);
    }
    ApiServerProcess.closeAll(clickhouse);
  }

  @Test
  void kubectlShowsTheStepAsAnAnomalyAndARestartDoesNotDuplicateIt() throws Exception {
    String table = awaitAnomalies();
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0))
        .containsPattern(
            "NAMESPACE\\s+NAME\\s+SERIES\\s+START\\s+END\\s+GRADE\\s+EXPECTED\\s+OBSERVED");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("shop").contains("queue.latency-");
    String name = lines.get(1).split("\\s+")[1];

    JsonNode anomaly =
        JSON.readTree(kubectl.ok("get", "anomaly", name, "-n", "shop", "-o", "json").stdout());
    assertThat(anomaly.path("kind").asText()).isEqualTo("Anomaly");
    JsonNode spec = anomaly.path("spec");
    assertThat(spec.path("service").asText()).isEqualTo("checkout");
    assertThat(spec.path("metric").asText()).isEqualTo("queue.latency");
    assertThat(spec.path("observed").asDouble()).isGreaterThan(300);
    assertThat(spec.path("expected").path("high").asDouble()).isLessThan(300);
    assertThat(spec.path("grade").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(anomaly.path("metadata").path("labels").path("service").asText())
        .isEqualTo("checkout");

    assertThat(kubectl.ok("get", "anomalies", "-n", "shop", "-l", "service=cart").stderr())
        .contains("No resources found in shop namespace.");
    assertThat(kubectl.ok("get", "anom", "-n", "shop", "-l", "service=checkout").stdout())
        .contains(name);
    assertThat(kubectl.ok("api-resources", "--categories", "telemetry").stdout())
        .containsPattern("anomalies\\s+anom\\s+\\S+\\s+true\\s+Anomaly");

    // Restart: the new process restores the saved state and scans again without a duplicate.
    server.close();
    server = startServer();
    kubectl = server.kubectl(work.resolve("kubectl-2"));
    awaitLog("event=anomaly_scan_restored series=2");
    awaitLog("event=anomaly_scan series=2");
    List<String> after = kubectl.ok("get", "anomalies", "-A").stdout().lines().toList();
    assertThat(after).hasSize(2);
    assertThat(after.get(1).split("\\s+")[1]).isEqualTo(name);
  }

  private static String awaitAnomalies() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Kubectl.Result r;
    do {
      r = kubectl.ok("get", "anomalies", "-A");
      if (r.stdout().lines().count() > 1) {
        return r.stdout();
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no anomaly after 90 s: " + r.output() + "\n" + server.logText());
  }

  private static void awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!server.logText().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in\n" + server.logText());
      }
      Thread.sleep(500);
    }
  }

  private static TelemetryBatch.Gauge gauge(String service, Instant t, double value) {
    return new TelemetryBatch.Gauge(
        Map.of("k8s.namespace.name", "shop", "service.name", service, "k8s.pod.name", service),
        service,
        "queue.latency",
        "ms",
        "Queue latency",
        Map.of("queue", service),
        t,
        value);
  }
}
