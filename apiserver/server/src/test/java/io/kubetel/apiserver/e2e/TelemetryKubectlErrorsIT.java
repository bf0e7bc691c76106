package io.kubetel.apiserver.e2e;

import static io.kubetel.apiserver.e2e.KnownTelemetry.CHECKOUT_TRACE;
import static io.kubetel.apiserver.e2e.KnownTelemetry.MEMORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input and storage faults as kubectl users see them, against the production server over known
 * telemetry: every bad request is a 400 {@code Status} saying what is wrong (never a 500 or a stack
 * trace, and the data stays readable), an unknown name is NotFound, and a ClickHouse outage —
 * simulated by cutting a private TCP proxy, never by stopping the shared ClickHouse — is 503
 * ServiceUnavailable on data while discovery keeps answering, until the server recovers by itself.
 */
class TelemetryKubectlErrorsIT {
  private static final String METRICS =
      "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/metrics";

  private static LocalClickHouse clickhouse;
  private static TcpProxy proxy;
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("telemetry_kubectl_errors");
    clickhouse.writer().write(KnownTelemetry.build(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    URI target = URI.create(LocalClickHouse.url());
    proxy = TcpProxy.start(target.getHost(), target.getPort());
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-telemetry-errors-");
    server =
        ApiServerProcess.startOnClickHouse(
            work,
            "http://127.0.0.1:" + proxy.port(),
            clickhouse.database(),
            "--readiness-interval",
            "1s");
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, proxy, clickhouse);
  }

  @Test
  void malformedLabelSelectorIsBadRequest() throws Exception {
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "-l", "env in (prod"),
        "unable to parse label selector: missing ')'");
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "-l", "=prod"),
        "unable to parse label selector");
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "-l", "severity=ERROR"),
        "label key \"severity\" does not apply to metrics");
  }

  @Test
  void unknownFieldSelectorKeyIsBadRequest() throws Exception {
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "--field-selector", "color=red"),
        "field label not supported: color");
    assertBadRequest(
        kubectl.run("get", "logs", "-n", "shop", "--field-selector", "span=charge"),
        "field label not supported: span");
  }

  @Test
  void sqlLookingValuesAreRejectedAndDataSurvives() throws Exception {
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "--field-selector", "service=x' OR 1\\=1 --"),
        "service name \"x' OR 1=1 --\" must not contain quotes");
    assertBadRequest(
        kubectl.run("get", "metrics", "-A", "--field-selector", "metric=x') UNION SELECT 1 --"),
        "must not contain quotes");
    assertBadRequest(
        kubectl.run("get", "logs", "-n", "shop", "--field-selector", "traceId=1; DROP TABLE x"),
        "trace id \"1; DROP TABLE x\" must be 32 lowercase hex digits");
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "-l", "service=a';DROP DATABASE x;--"),
        "invalid value \"a';DROP\" for label \"service\"");

    Kubectl.Result after = kubectl.ok("get", "metrics", "-n", "shop", "-o", "name");
    assertThat(after.stdout().lines()).hasSize(5);
  }

  @Test
  void invalidNameIsBadRequest() throws Exception {
    assertBadRequest(
        kubectl.run("get", "metric", "Not_A_Name!", "-n", "shop"),
        "invalid metric name: object name \"Not_A_Name!\" is not a valid RFC 1123 subdomain");
    assertBadRequest(
        kubectl.run("get", "trace", "not-hex", "-n", "shop"),
        "invalid trace name: trace id \"not-hex\" must be 32 lowercase hex digits");
  }

  @Test
  void unknownNameIsNotFound() throws Exception {
    Kubectl.Result metric = kubectl.run("get", "metric", "no-such-series", "-n", "shop");
    String missing = "0123456789abcdef0123456789abcdef";
    Kubectl.Result trace = kubectl.run("get", "trace", missing, "-n", "shop");
    Kubectl.Result elsewhere = kubectl.run("get", "trace", CHECKOUT_TRACE, "-n", "payments");

    for (var r : List.of(metric, trace, elsewhere)) {
      assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
      assertThat(r.stderr()).as(r.output()).contains("Error from server (NotFound)", "not found");
    }
    assertThat(metric.stderr()).contains("\"no-such-series\"");
    assertThat(trace.stderr()).contains("\"" + missing + "\"");
    assertThat(elsewhere.stderr()).contains("\"" + CHECKOUT_TRACE + "\"");
  }

  @Test
  void forgedContinueTokenIsBadRequest() throws Exception {
    Kubectl.Result first = kubectl.ok("get", "--raw", METRICS + "?limit=2");
    String token = first.stdout().replaceAll("(?s).*\"continue\":\"([^\"]+)\".*", "$1");
    assertThat(token).as(first.stdout()).isNotEqualTo(first.stdout()).contains(".");
    // Re-target the token at another namespace, keeping its signature: tampering is detected.
    Base64.Decoder decoder = Base64.getUrlDecoder();
    String payload =
        new String(decoder.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"ns\":\"shop\"");
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    payload
                        .replace("\"ns\":\"shop\"", "\"ns\":\"payments\"")
                        .getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));
    assertBadRequest(
        kubectl.run(
            "get",
            "--raw",
            METRICS.replace("/shop/", "/payments/") + "?limit=2&continue=" + forged),
        "invalid continue token: its signature does not match");
    assertBadRequest(
        kubectl.run("get", "--raw", METRICS + "?limit=2&continue=Zm9v.YmFy"),
        "invalid continue token");
    // A genuine token reused for another list (other namespace) is refused too.
    assertBadRequest(
        kubectl.run(
            "get", "--raw", METRICS.replace("/shop/", "/payments/") + "?limit=2&continue=" + token),
        "invalid continue token: it was issued for namespace shop, not namespace payments");
    Kubectl.Result next = kubectl.ok("get", "--raw", METRICS + "?limit=2&continue=" + token);
    List<String> firstNames = names(first.stdout());
    assertThat(firstNames).hasSize(2);
    assertThat(names(next.stdout())).hasSize(2).doesNotContainAnyElementsOf(firstNames);
  }

  @Test
  void absurdLimitAndWindowAreBadRequest() throws Exception {
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "--chunk-size=99999999"),
        "limit 99999999 must be from 1 to 10000");
    assertBadRequest(
        kubectl.run("get", "--raw", METRICS + "?limit=-3"), "limit -3 must be from 1 to 10000");
    assertBadRequest(
        kubectl.run("get", "metrics", "-n", "shop", "--field-selector", "window=1000d"),
        "window of 1000d is longer than the maximum of 7d");
    assertBadRequest(
        kubectl.run("get", "logs", "-n", "shop", "--field-selector", "window=-5m"),
        "window \"-5m\" must not be negative");
    assertBadRequest(
        kubectl.run(
            "get",
            "logs",
            "-n",
            "shop",
            "--field-selector",
            "start=2026-01-02T00:00:00Z,end=2026-01-01T00:00:00Z"),
        "must be before its end");
  }

  @Test
  void clickHouseOutageIsServiceUnavailableUntilItReturns() throws Exception {
    Kubectl.Result before = kubectl.ok("get", "metrics", "-n", "shop", "-o", "name");
    assertThat(before.stdout().lines()).hasSize(5);

    proxy.down();
    try {
      Kubectl.Result list = kubectl.run("get", "metrics", "-n", "shop");
      Kubectl.Result trace = kubectl.run("get", "trace", CHECKOUT_TRACE, "-n", "shop");
      Kubectl.Result resources =
          kubectl.ok("api-resources", "--api-group=telemetry.kubetel.io", "--cached=false");
      Kubectl.Result explain = kubectl.ok("explain", "logs");

      for (var r : List.of(list, trace)) {
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("Error from server (ServiceUnavailable)");
        assertThat(r.stderr()).doesNotContain("Exception", "\tat ");
      }
      assertThat(resources.stdout()).contains("metrics", "traces", "logs");
      awaitStore(false);
      // Still ready: the pods stay in the Service and the APIService Available.
      assertThat(kubectl.run("get", "--raw", "/readyz").exitCode()).isZero();
    } finally {
      proxy.up();
    }

    Instant restored = Instant.now();
    awaitStore(true);
    Kubectl.Result after = kubectl.ok("get", "metrics", "-n", "shop", "-o", "name");
    assertThat(Duration.between(restored, Instant.now())).isLessThan(Duration.ofSeconds(15));
    assertThat(after.stdout()).isEqualTo(before.stdout());
    Kubectl.Result logs = kubectl.ok("get", "logs", "-n", "shop");
    assertThat(logs.stdout()).contains(KnownTelemetry.CARD_DECLINED);
    assertThat(kubectl.run("get", "metrics", "-n", "shop", "-l", "service=cart").stdout())
        .contains(MEMORY);
  }

  private static List<String> names(String list) throws Exception {
    List<String> names = new ArrayList<>();
    new ObjectMapper()
        .readTree(list)
        .path("items")
        .forEach(i -> names.add(i.path("metadata").path("name").asText()));
    return names;
  }

  /**
   * Waits (bounded) until {@code /readyz?verbose} reports the store as {@code ok} or failed; the
   * probe itself passes throughout (storage is informational there).
   */
  private static void awaitStore(boolean reachable) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String expected = reachable ? "[+]store ok" : "[-]store failed";
    Kubectl.Result readyz = kubectl.run("get", "--raw", "/readyz?verbose");
    while (!readyz.stdout().contains(expected)) {
      assertThat(readyz.exitCode()).as(readyz.output()).isZero();
      assertThat(Instant.now())
          .as("readyz never reported %s: %s", expected, readyz.output())
          .isBefore(deadline);
      Thread.sleep(200);
      readyz = kubectl.run("get", "--raw", "/readyz?verbose");
    }
    assertThat(readyz.stdout()).contains("readyz check passed");
  }

  /** kubectl failed with a server-side 400 whose message mentions {@code mentions}. */
  private static void assertBadRequest(Kubectl.Result r, String mentions) {
    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    assertThat(r.stderr()).as(r.output()).contains("Error from server (BadRequest)");
    assertThat(r.stderr()).as(r.output()).contains(mentions);
    assertThat(r.stderr())
        .as(r.output())
        .doesNotContain("InternalError", "Exception", "\tat ", "ClickHouse", "Code:");
  }
}
