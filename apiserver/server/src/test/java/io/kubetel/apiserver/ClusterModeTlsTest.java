package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.e2e.ApiServerProcess;
import io.kubetel.apiserver.e2e.EmptyTelemetryStore;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.StandalonePki;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode in-process: serving certificate and client CA from files (as OLM mounts them),
 * client certificates required except for probes, and a rotated serving certificate picked up
 * without restart, and shutdown that waits for neither probes nor open watches.
 */
class ClusterModeTlsTest {
  @TempDir Path dir;

  @Test
  void servesFileCertificatesAuthenticatesClientsAndReloadsRotation() throws Exception {
    StandalonePki first = new StandalonePki(dir.resolve("first"), Clock.systemUTC());
    StandalonePki second = new StandalonePki(dir.resolve("second"), Clock.systemUTC());
    first.ensure();
    second.ensure();
    Path certs = Files.createDirectories(dir.resolve("certificates"));
    Path cert = certs.resolve("apiserver.crt");
    Path key = certs.resolve("apiserver.key");
    Files.copy(first.servingCert(), cert);
    Files.copy(first.servingKey(), key);
    ApiServerConfig config = config(cert, key, first.caCert(), Duration.ZERO);
    ApiServer server =
        new ApiServer(
            config, c -> new EmptyTelemetryStore(), Clock.systemUTC(), Duration.ofMillis(200));
    int port = server.start();
    try {
      HttpClient admin =
          ApiServerProcess.httpClient(first.caCert(), first.clientCert(), first.clientKey());
      HttpClient anonymous = ApiServerProcess.httpClient(first.caCert(), null, null);
      assertThat(get(admin, port, "/apis").statusCode()).isEqualTo(200);
      assertThat(get(anonymous, port, "/apis").statusCode()).isEqualTo(401);
      // Ready once the first cached store ping has succeeded.
      Instant readyBy = Instant.now().plusSeconds(10);
      while (get(anonymous, port, "/readyz").statusCode() != 200
          && Instant.now().isBefore(readyBy)) {
        Thread.sleep(100);
      }
      assertThat(get(anonymous, port, "/readyz?verbose").body()).contains("[+]store ok");

      // Rotate the serving certificate to one signed by another CA; client CA stays the same.
      Files.copy(second.servingKey(), key, StandardCopyOption.REPLACE_EXISTING);
      Files.copy(second.servingCert(), cert, StandardCopyOption.REPLACE_EXISTING);
      HttpClient trustsSecond =
          ApiServerProcess.httpClient(second.caCert(), first.clientCert(), first.clientKey());
      Instant deadline = Instant.now().plusSeconds(20);
      int code = -1;
      while (code != 200 && Instant.now().isBefore(deadline)) {
        try {
          code = get(trustsSecond, port, "/apis").statusCode();
        } catch (IOException handshakeWithOldCertificate) {
          Thread.sleep(200);
        }
      }
      assertThat(code).isEqualTo(200);
      assertThatThrownBy(() -> get(fresh(first), port, "/apis")).isInstanceOf(IOException.class);
    } finally {
      server.stop();
    }
  }

  private static ApiServerConfig config(Path cert, Path key, Path clientCa, Duration delay) {
    return config(cert, key, clientCa, delay, Duration.ofSeconds(2));
  }

  private static ApiServerConfig config(
      Path cert, Path key, Path clientCa, Duration delay, Duration shutdownTimeout) {
    return new ApiServerConfig(
        new ApiServerConfig.Serving("127.0.0.1", 0, 1024 * 1024),
        new ApiServerConfig.Cluster(new TlsSettings(cert, key, Optional.of(clientCa))),
        new ApiServerConfig.Storage(
            ClickHouseSettings.of("http://127.0.0.1:1", "otel"), 2, Duration.ofMillis(200)),
        ResourceSettings.DEFAULTS,
        Optional.empty(),
        new ApiServerConfig.Shutdown(shutdownTimeout, delay));
  }

  /** A standalone PKI under {@code dir/pki}, created: the shutdown tests' client identity. */
  private StandalonePki ensuredPki() throws Exception {
    StandalonePki pki = new StandalonePki(dir.resolve("pki"), Clock.systemUTC());
    pki.ensure();
    return pki;
  }

  /** An unstarted cluster-mode server over the empty store, serving and trusting {@code pki}. */
  private static ApiServer server(StandalonePki pki, Duration delay, Duration shutdownTimeout) {
    return new ApiServer(
        config(pki.servingCert(), pki.servingKey(), pki.caCert(), delay, shutdownTimeout),
        c -> new EmptyTelemetryStore(),
        Clock.systemUTC());
  }

  @Test
  void shutdownDelayKeepsServingWithReadinessFailing() throws Exception {
    StandalonePki pki = ensuredPki();
    ApiServer server = server(pki, Duration.ofSeconds(3), Duration.ofSeconds(2));
    int port = server.start();
    HttpClient admin = fresh(pki);
    Thread stopper = new Thread(server::stop);
    try {
      stopper.start();
      Instant deadline = Instant.now().plusSeconds(10);
      while (!server.shuttingDown() && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }

      HttpResponse<String> ready = get(admin, port, "/readyz?verbose");
      HttpResponse<String> apis = get(admin, port, "/apis");

      assertThat(ready.statusCode()).isEqualTo(500);
      assertThat(ready.body()).contains("[-]shutdown failed");
      assertThat(apis.statusCode()).isEqualTo(200);
    } finally {
      stopper.join();
    }
  }

  @Test
  void openWatchEndsCleanlyWhenTheServerShutsDown() throws Exception {
    StandalonePki pki = ensuredPki();
    // A long drain timeout: an open watch that ignored shutdown would hold the stop for a minute
    // and then be cut, which the client sees as a broken chunked stream.
    ApiServer server = server(pki, Duration.ZERO, Duration.ofSeconds(60));
    int port = server.start();
    HttpResponse<InputStream> watch =
        fresh(pki)
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "https://127.0.0.1:"
                                + port
                                + "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs"
                                + "?watch=true&timeoutSeconds=600"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(watch.statusCode()).isEqualTo(200);

    server.stop();

    // The stream ends normally: reading it to EOF succeeds (a cut connection throws "closed")
    // and it carried no event (the store is empty, no bookmarks were asked for).
    try (InputStream body = watch.body()) {
      assertThat(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEmpty();
    }
  }

  /** A new client (no pooled connection) trusting only the first CA. */
  private static HttpClient fresh(StandalonePki pki) throws Exception {
    return ApiServerProcess.httpClient(pki.caCert(), pki.clientCert(), pki.clientKey());
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
