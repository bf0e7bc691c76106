package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.e2e.ApiServerProcess;
import io.kubetel.apiserver.e2e.EmptyTelemetryStore;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.StandalonePki;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standalone mode in-process: the composition root generates the PKI, keeps a continue-token key in
 * the state directory, hands the store the configured ClickHouse settings, and replaces a stale
 * kubeconfig with one for the port it actually listens on.
 */
class StandaloneModeTest {
  @TempDir Path dir;

  @Test
  void writesAFreshKubeconfigForTheBoundPortAndKeepsItsKeysInTheStateDir() throws Exception {
    ApiServerConfig.Standalone standalone = new ApiServerConfig.Standalone(dir);
    Files.writeString(standalone.kubeconfig(), "stale: from a previous run\n");
    ClickHouseSettings clickhouse = ClickHouseSettings.of("http://127.0.0.1:1", "telemetry");
    ApiServerConfig config =
        new ApiServerConfig(
            new ApiServerConfig.Serving("127.0.0.1", 0, 1024 * 1024),
            standalone,
            new ApiServerConfig.Storage(clickhouse, 2, Duration.ofSeconds(5)),
            ResourceSettings.DEFAULTS,
            Optional.empty(),
            new ApiServerConfig.Shutdown(Duration.ofSeconds(2), Duration.ZERO));
    AtomicReference<ClickHouseSettings> opened = new AtomicReference<>();
    ApiServer server =
        new ApiServer(
            config,
            settings -> {
              opened.set(settings);
              return new EmptyTelemetryStore();
            },
            Clock.systemUTC());
    int port = server.start();
    try {
      String kubeconfig = Files.readString(standalone.kubeconfig());
      StandalonePki pki = new StandalonePki(dir, Clock.systemUTC());
      HttpClient admin =
          ApiServerProcess.httpClient(pki.caCert(), pki.clientCert(), pki.clientKey());
      HttpResponse<String> apis =
          admin.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/apis")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(kubeconfig).doesNotContain("stale").contains("server: https://127.0.0.1:" + port);
      assertThat(apis.statusCode()).isEqualTo(200);
      assertThat(opened.get()).isEqualTo(clickhouse);
      assertThat(standalone.continueKeyFile()).isRegularFile();
    } finally {
      server.stop();
    }
  }
}
