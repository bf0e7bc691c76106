package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection bounds of the server process in cluster mode (kube-apiserver is {@link
 * KubeApiMock}): slow request heads and bodies (slowloris) are closed within {@code
 * --request-read-timeout} however they trickle, while other connections are served, long requests
 * and idle kept-alive connections are not cut; more than {@code --max-connections-per-client}
 * connections from one address get a 429 Status and are closed, the front proxy's are not counted
 * per client, and past {@code --max-connections} new connections get a 503 Status; everything shows
 * in {@code /metrics}. Raw TLS sockets dial from several loopback addresses to play several
 * clients.
 */
class ConnectionLimitsIT {
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final int READ_TIMEOUT_SECONDS = 3;
  private static final int PER_CLIENT = 3;
  private static final int TOTAL = 14;
  private static final Map<String, String> ALICE = Map.of("X-Remote-User", "alice");

  @TempDir static Path dir;

  static KubeApiMock kube;
  static ApiServerProcess server;
  static ClusterCertificates pki;
  static Path[] proxyCert;
  static HttpClient proxy;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    pki = new ClusterCertificates(dir);
    Issued proxyCa = pki.ca("front-proxy-ca");
    proxyCert = pki.client(proxyCa, "proxy", "front-proxy-client", List.of());
    proxy = pki.httpClient(proxyCert);
    kube = new KubeApiMock();
    kube.authenticationConfigMap(
        ClusterCertificates.pem(proxyCa),
        "[\"front-proxy-client\"]",
        ClusterCertificates.pem(pki.ca("client-ca")));
    kube.allowed.add("alice|list|shop|metrics");
    kube.allowed.add("alice|watch|shop|metrics");
    kube.allowed.add("alice|create|shop|queries");
    List<String> args = new ArrayList<>(pki.servingArgs());
    args.addAll(
        List.of(
            "--authentication-kubeconfig",
            kube.writeKubeconfig(dir.resolve("mock.kubeconfig")).toString(),
            "--request-read-timeout",
            READ_TIMEOUT_SECONDS + "s",
            "--max-connections-per-client",
            Integer.toString(PER_CLIENT),
            "--max-connections",
            Integer.toString(TOTAL)));
    server = ApiServerProcess.startCluster(dir.resolve("server"), pki.servingCa(), args);
    port = Integer.parseInt(server.baseUrl().replaceAll(".*:", ""));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, kube);
  }

  @Test
  void aTrickledRequestHeadIsClosedWithinTheLimitWhileOthersAreServed() throws Exception {
    try (SSLSocket slow = pki.socket("127.0.0.6", port, null)) {
      long start = System.nanoTime();
      CompletableFuture<Void> trickle =
          trickle(slow, RawHttp.get("/livez", "X-Pad: " + "a".repeat(60) + "\r\n"));
      // Meanwhile a normal client on another connection is served, twice.
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> ok = server.get(proxy, G + "/namespaces/shop/metrics", ALICE);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        Thread.sleep(1000);
      }
      String answer = RawHttp.readUntilClosed(slow.getInputStream());
      double seconds = (System.nanoTime() - start) / 1e9;
      trickle.cancel(true);
      assertThat(answer).startsWith("HTTP/1.1 408");
      assertThat(answer)
          .contains("\"kind\":\"Status\"", "\"reason\":\"Timeout\"", "--request-read-timeout");
      // One byte per second would take 90 s to finish the head; the server closes at the limit.
      assertThat(seconds).isBetween(READ_TIMEOUT_SECONDS - 0.5, READ_TIMEOUT_SECONDS + 4.0);
    }
    assertThat(server.logText()).contains("event=connection_timed_out phase=head client=127.0.0.6");
  }

  @Test
  void aKeptAliveConnectionMayIdleButItsNextHeadMustNotTrickle() throws Exception {
    try (SSLSocket socket = pki.socket("127.0.0.9", port, proxyCert)) {
      assertThat(RawHttp.exchange(socket, RawHttp.get("/livez", ""))).startsWith("HTTP/1.1 200");
      // Idle for longer than the read timeout: the idle timeout applies, not this one.
      Thread.sleep((READ_TIMEOUT_SECONDS + 2) * 1000L);
      assertThat(RawHttp.exchange(socket, RawHttp.get("/livez", ""))).startsWith("HTTP/1.1 200");
      long start = System.nanoTime();
      CompletableFuture<Void> trickle =
          trickle(socket, RawHttp.get("/livez", "X-Pad: " + "b".repeat(60) + "\r\n"));
      String answer = RawHttp.readUntilClosed(socket.getInputStream());
      double seconds = (System.nanoTime() - start) / 1e9;
      trickle.cancel(true);
      assertThat(answer).startsWith("HTTP/1.1 408");
      assertThat(seconds).isLessThan(READ_TIMEOUT_SECONDS + 4.0);
    }
  }

  @Test
  void aTrickledRequestBodyIsClosedWithinTheLimit() throws Exception {
    try (SSLSocket slow = pki.socket("127.0.0.10", port, proxyCert)) {
      String head =
          "POST "
              + G
              + "/namespaces/shop/queries HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Remote-User: alice\r\n"
              + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n";
      slow.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      CompletableFuture<Void> trickle = trickle(slow, "{\"spec\":{" + " ".repeat(190) + "}}");
      String answer = RawHttp.readUntilClosed(slow.getInputStream());
      double seconds = (System.nanoTime() - start) / 1e9;
      trickle.cancel(true);
      // Nothing was created from a body that never arrived; the connection is gone.
      assertThat(answer).doesNotContain("HTTP/1.1 201");
      assertThat(seconds).isBetween(READ_TIMEOUT_SECONDS - 0.5, READ_TIMEOUT_SECONDS + 4.0);
    }
    assertThat(server.logText()).contains("event=connection_timed_out phase=body");
  }

  @Test
  void longRequestsAreNotCutByTheReadTimeout() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> watch =
        server.get(proxy, G + "/namespaces/shop/metrics?watch=true&timeoutSeconds=6", ALICE);
    assertThat(watch.statusCode()).as(watch.body()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(5.0);
  }

  @Test
  void moreConnectionsThanAllowedPerClientAreRefusedWithAStatus() throws Exception {
    List<SSLSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < PER_CLIENT; i++) {
        SSLSocket socket = pki.socket("127.0.0.2", port, null);
        held.add(socket);
        assertThat(RawHttp.exchange(socket, RawHttp.get("/livez", ""))).startsWith("HTTP/1.1 200");
      }
      try (SSLSocket extra = pki.socket("127.0.0.2", port, null)) {
        String refused = RawHttp.exchange(extra, RawHttp.get("/livez", ""));
        assertThat(refused).startsWith("HTTP/1.1 429").contains("Retry-After: 1");
        assertThat(refused)
            .contains("\"reason\":\"TooManyRequests\"", "too many connections from 127.0.0.2");
        assertThat(RawHttp.readUntilClosed(extra.getInputStream())).isEmpty();
      }
      // Other clients are served meanwhile.
      try (SSLSocket other = pki.socket("127.0.0.7", port, null)) {
        assertThat(RawHttp.exchange(other, RawHttp.get("/livez", ""))).startsWith("HTTP/1.1 200");
      }
      assertThat(server.get(proxy, G + "/namespaces/shop/metrics", ALICE).statusCode())
          .isEqualTo(200);
      // The front proxy (every cluster user behind kube-apiserver) is not counted per client.
      for (int i = 0; i < PER_CLIENT + 2; i++) {
        SSLSocket socket = pki.socket("127.0.0.3", port, proxyCert);
        held.add(socket);
        assertThat(RawHttp.exchange(socket, RawHttp.get("/livez", ""))).startsWith("HTTP/1.1 200");
      }
    } finally {
      closeAll(held);
    }
    assertThat(server.logText()).contains("event=connection_rejected limit=per_client");
    assertThat(metric("kubetel_apiserver_connections_rejected_total\\{limit=\"per_client\",?\\}"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void pastTheTotalNewConnectionsGetAStatusAndTheServerRecovers() throws Exception {
    List<SSLSocket> held = new ArrayList<>();
    String refused = null;
    try {
      int open = (int) metric("kubetel_apiserver_connections_open");
      // Fill the server with front-proxy connections (exempt per client, counted in total).
      for (int i = 0; i < TOTAL - open + 2 && refused == null; i++) {
        SSLSocket socket = pki.socket("127.0.0.5", port, proxyCert);
        String answer = RawHttp.exchange(socket, RawHttp.get("/livez", ""));
        if (answer.startsWith("HTTP/1.1 200")) {
          held.add(socket);
        } else {
          refused = answer;
          socket.close();
        }
      }
      assertThat(refused).isNotNull();
      assertThat(refused).startsWith("HTTP/1.1 503");
      assertThat(refused)
          .contains("\"reason\":\"ServiceUnavailable\"", "too many open connections");
      assertThat(held.size() + open).isLessThanOrEqualTo(TOTAL);
      // Connections already open keep being served.
      assertThat(RawHttp.exchange(held.get(0), RawHttp.get("/livez", "")))
          .startsWith("HTTP/1.1 200");
    } finally {
      closeAll(held);
    }
    // Once connections close, new clients are admitted again.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                server
                        .get(pki.httpClient(proxyCert), G + "/namespaces/shop/metrics", ALICE)
                        .statusCode()
                    == 200);
    assertThat(metric("kubetel_apiserver_connections_rejected_total\\{limit=\"total\",?\\}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(server.logText()).contains("event=connection_rejected limit=total");
  }

  /** Writes {@code text} one byte per second until the connection fails. */
  private static CompletableFuture<Void> trickle(SSLSocket socket, String text) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            OutputStream out = socket.getOutputStream();
            for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
              out.write(b);
              out.flush();
              Thread.sleep(1000);
            }
          } catch (IOException | InterruptedException closed) {
            // the server closed the connection (or the test is done)
          }
        });
  }

  /** A sample of {@code /metrics} (as the monitoring group reads it). */
  private static double metric(String pattern) throws Exception {
    HttpResponse<String> metrics =
        server.get(
            proxy,
            "/metrics",
            Map.of("X-Remote-User", "prom", "X-Remote-Group", "system:monitoring"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    Matcher matcher =
        Pattern.compile("(?m)^" + pattern + " ([0-9.eE+-]+)$").matcher(metrics.body());
    assertThat(matcher.find()).as(pattern + " in\n" + metrics.body()).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static void closeAll(List<SSLSocket> sockets) throws IOException {
    for (SSLSocket socket : sockets) {
      socket.close();
    }
  }
}
