package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production binary ({@code ApiServerMain}: ClickHouse store from flags + real handlers) as a
 * process against the local ClickHouse, read with kubectl. Proves the flag-to-store wiring; the
 * full data e2e suite belongs to the integration tests.
 */
class ClickHouseKubectlIT {
  private static LocalClickHouse clickhouse;
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("apiserver_kubectl");
    TelemetryBatch batch = new TelemetryBatch();
    Map<String, String> resource =
        Map.of(
            "k8s.namespace.name", "shop",
            "k8s.pod.name", "checkout-1",
            "service.name", "checkout");
    batch.gauges.add(
        new TelemetryBatch.Gauge(
            resource,
            "checkout",
            "process.memory.usage",
            "By",
            "memory in use",
            Map.of(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60),
            42));
    new TelemetryWriter(clickhouse.gateway(), clickhouse.layout()).write(batch);
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-clickhouse-");
    server = ApiServerProcess.startOnClickHouse(work, LocalClickHouse.url(), clickhouse.database());
    kubectl = server.kubectl(work.resolve("kubectl"));
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

    assertThat(namespaced.stdout()).contains("process.memory.usage").contains("checkout");
    assertThat(elsewhere.stderr()).contains("No resources found in payments namespace.");
  }
}
