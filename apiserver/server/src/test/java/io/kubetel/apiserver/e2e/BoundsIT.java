package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hard bounds of the standalone production server over real ClickHouse (reached through an
 * in-test TCP proxy, so an outage never touches the run's shared ClickHouse): each is hit on
 * purpose and answers quickly with a Status or a result, never a 5xx, and the server keeps
 * answering; with ClickHouse cut off {@code /readyz} stays 200 while data requests are 503 and
 * discovery and OpenAPI keep working, and reads recover within seconds.
 */
class BoundsIT {
  private static final String SHOP = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop";

  /**
   * A hang detector, not a performance figure: well under the 60 s request timeout and kubectl's
   * patience, generous for a loaded 2-core machine.
   */
  private static final Duration QUICK = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalClickHouse clickhouse;
  private static TcpProxy proxy;
  private static ApiServerProcess server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("bounds");
    clickhouse.writer().write(KnownTelemetry.build(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    URI target = URI.create(LocalClickHouse.url());
    proxy = TcpProxy.start(target.getHost(), target.getPort());
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-bounds-");
    server =
        ApiServerProcess.startOnClickHouse(
            work,
            "http://127.0.0.1:" + proxy.port(),
            clickhouse.database(),
            "--readiness-interval",
            "1s");
    client = server.httpClient(true);
    server.get(client, "/livez", Map.of()); // the first TLS handshake is not what is measured
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, proxy, clickhouse);
  }

  private record Answer(int code, JsonNode json, String body, Duration took) {}

  private static Answer get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)));
  }

  private static Answer send(HttpRequest.Builder request) throws Exception {
    Instant start = Instant.now();
    HttpResponse<String> r =
        client.send(
            request.header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = JSON.readTree(r.body());
    } catch (Exception notJson) {
      // probes answer text
    }
    return new Answer(r.statusCode(), json, r.body(), Duration.between(start, Instant.now()));
  }

  /** A quick answer that is a result or a Status with a message, never a 5xx; still responsive. */
  private static void assertBounded(Answer a) throws Exception {
    assertThat(a.took()).as(a.body()).isLessThan(QUICK);
    assertThat(a.code()).as(a.body()).isLessThan(500);
    assertThat(a.json()).as(a.body()).isNotNull();
    if (a.code() >= 400) {
      assertThat(a.json().path("kind").asText()).isEqualTo("Status");
      assertThat(a.json().path("message").asText()).isNotBlank();
    }
    assertThat(get("/livez").code()).isEqualTo(200);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void aWindowOfAThousandSecondsTermsIsABadRequest() throws Exception {
    Answer a = get(SHOP + "/metrics?window=" + "1s".repeat(1000));

    assertBounded(a);
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.json().path("message").asText()).contains("window");
    assertThat(server.logText()).doesNotContain("StackOverflowError");
  }

  @Test
  void tenKibLabelSelectorsAnswer() throws Exception {
    String values =
        IntStream.range(0, 1500).mapToObj(i -> "svc" + i).collect(Collectors.joining(","));
    String inList = "service in (checkout," + values + ")";
    String manyKeys =
        IntStream.range(0, 1500).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(","));
    assertThat(inList.length()).isGreaterThan(10 * 1024);
    assertThat(manyKeys.length()).isGreaterThan(10 * 1024);

    Answer in = get(SHOP + "/metrics?labelSelector=" + q(inList));
    Answer keys = get(SHOP + "/logs?labelSelector=" + q(manyKeys));

    assertBounded(in);
    assertThat(in.code()).isEqualTo(200);
    assertThat(in.json().path("items").size()).isGreaterThan(0);
    assertBounded(keys);
    assertThat(keys.code()).isEqualTo(400);
    assertThat(keys.json().path("message").asText()).contains("at most 100");
  }

  @Test
  void anUnmatchedPushedDownSelectorOverSevenDaysAnswers() throws Exception {
    Answer metrics = get(SHOP + "/metrics?window=7d&labelSelector=" + q("service>0"));
    Answer logs =
        get("/apis/telemetry.kubetel.io/v1alpha1/logs?window=7d&labelSelector=" + q("service>0"));

    assertBounded(metrics);
    assertBounded(logs);
    assertThat(metrics.code()).isEqualTo(200);
    assertThat(metrics.json().path("items")).isEmpty();
  }

  @Test
  void overlongUrlsAndHeadersAreStatuses() throws Exception {
    Answer url = get(SHOP + "/logs?labelSelector=" + "a".repeat(200 * 1024));
    Answer headers =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + SHOP + "/logs"))
                .header("X-Padding", "p".repeat(300 * 1024)));

    assertThat(url.code()).as(url.body()).isEqualTo(414);
    assertThat(url.json().path("kind").asText()).isEqualTo("Status");
    assertThat(url.json().path("message").asText()).contains("--max-url-bytes");
    assertThat(headers.code()).as(headers.body()).isEqualTo(431);
    assertThat(headers.json().path("message").asText()).contains("--max-header-bytes");
    assertThat(get("/livez").code()).isEqualTo(200);
  }

  @Test
  void withClickHouseCutOffReadinessStaysAndDataIsUnavailableUntilItReturns() throws Exception {
    assertThat(get(SHOP + "/metrics").code()).isEqualTo(200);

    proxy.down();
    try {
      awaitStore("[-]store failed");
      HttpResponse<String> ready = server.get(client, "/readyz", Map.of());
      // Not the request read before the cut: the result cache may still hold that one's answer.
      Answer data = get(SHOP + "/metrics?limit=7");
      Answer discovery = get("/apis/telemetry.kubetel.io/v1alpha1");
      Answer openapi = get("/openapi/v2");

      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(data.code()).isEqualTo(503);
      assertThat(data.json().path("reason").asText()).isEqualTo("ServiceUnavailable");
      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(URI.create(server.baseUrl() + SHOP + "/logs")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .headers()
                  .firstValue("Retry-After"))
          .isEmpty();
      assertThat(discovery.code()).isEqualTo(200);
      assertThat(discovery.body()).contains("metrics");
      assertThat(openapi.code()).isEqualTo(200);
    } finally {
      proxy.up();
    }

    Instant restored = Instant.now();
    awaitStore("[+]store ok");
    Answer again = get(SHOP + "/metrics");
    assertThat(again.code()).isEqualTo(200);
    assertThat(Duration.between(restored, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(get("/metrics").body()).contains("kubetel_storage_reachable 1.0");
  }

  private static void awaitStore(String expected) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      HttpResponse<String> r = server.get(client, "/readyz?verbose", Map.of());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      if (r.body().contains(expected)) {
        return;
      }
      assertThat(Instant.now())
          .as("readyz never reported %s: %s", expected, r.body())
          .isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void aResponseLargerThanTheByteBoundIsABadRequest() throws Exception {
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-bounds-bytes-");
    try (ApiServerProcess small =
        ApiServerProcess.startOnClickHouse(
            work,
            LocalClickHouse.url(),
            clickhouse.database(),
            "--clickhouse-max-response-bytes",
            "256")) {
      HttpClient smallClient = small.httpClient(true);
      HttpResponse<String> r = small.get(smallClient, SHOP + "/logs", Map.of());
      JsonNode status = JSON.readTree(r.body());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(status.path("message").asText()).contains("--clickhouse-max-response-bytes");
      assertThat(small.get(smallClient, "/livez", Map.of()).statusCode()).isEqualTo(200);
    }
  }
}
