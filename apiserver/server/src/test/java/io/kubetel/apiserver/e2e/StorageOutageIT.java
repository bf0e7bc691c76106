package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production binary with ClickHouse unreachable: it still starts and serves discovery and
 * OpenAPI (kube-apiserver's availability checks must not depend on storage), stays ready, and
 * answers reads with a ServiceUnavailable Status that kubectl prints without retrying.
 */
class StorageOutageIT {
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-outage-");
    server =
        ApiServerProcess.start(
            work.resolve("state"),
            "io.kubetel.apiserver.ApiServerMain",
            // Port 1 on loopback: connection refused at once.
            List.of("--clickhouse-url", "http://127.0.0.1:1", "--readiness-interval", "1s"));
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void discoveryAndExplainWorkWithoutStorage() throws Exception {
    Kubectl.Result resources = kubectl.ok("api-resources", "--api-group=telemetry.kubetel.io");
    Kubectl.Result explain = kubectl.ok("explain", "logs");

    assertThat(resources.stdout()).contains("metrics").contains("traces");
  }

  @Test
  void readyButReadsAreServiceUnavailable() throws Exception {
    Kubectl.Result ready = kubectl.run("get", "--raw", "/readyz?verbose");
    Kubectl.Result list = kubectl.run("get", "metrics", "-n", "default");

    // Readiness depends on the process only: storage trouble is an informational line.
    assertThat(ready.exitCode()).as(ready.output()).isZero();
    assertThat(ready.stdout()).contains("[-]store failed").contains("readyz check passed");
    assertThat(list.exitCode()).as(list.output()).isEqualTo(1);
    assertThat(list.stderr()).contains("Error from server (ServiceUnavailable)");
  }
}
