package io.kubetel.apiserver.metrics;

import static io.kubetel.apiserver.testing.Fixtures.point;
import static io.kubetel.apiserver.testing.Fixtures.series;
import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.StoreServerTest;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Reply;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metrics list/get/table/paging/selector/error behaviour over HTTP against the fake store. */
class MetricsHandlerTest extends StoreServerTest {
  static final String BASE = "/apis/telemetry.kubetel.io/v1alpha1";
  static final String SHOP = BASE + "/namespaces/shop/metrics";

  final MutableClock clock = new MutableClock(NOW);

  @BeforeAll
  void start() throws Exception {
    for (int i = 0; i < 23; i++) {
      String service = i % 2 == 0 ? "checkout" : "cart";
      MetricType type = i % 3 == 0 ? MetricType.SUM : MetricType.GAUGE;
      String name = "http-server-duration-" + String.format("%04x", i);
      store.addSeries(
          series(
              name,
              "shop",
              "http.server.duration",
              type,
              service,
              service + "-7d9f",
              Map.of("http.method", i % 4 == 0 ? "POST" : "GET", "http.route", "/api/x")),
          List.of(point(NOW.minusSeconds(600), i), point(NOW.minusSeconds(60), i * 2.5)));
    }
    store.addSeries(
        series(
            "queue-depth-1",
            "other",
            "queue.depth",
            MetricType.GAUGE,
            "worker",
            "worker-1",
            Map.of()),
        List.of(point(NOW.minusSeconds(30), 7)));
    store.addSeries(
        series("old-series-1", "shop", "old.metric", MetricType.GAUGE, "cart", "cart-1", Map.of()),
        List.of(point(NOW.minus(Duration.ofHours(2)), 1)));
    ResourceSettings settings = ResourceSettings.DEFAULTS.withPageSize(10);
    server = TestApiServer.serving(store, clock, settings);
  }

  @BeforeEach
  void reset() {
    clock.set(NOW);
    store.failWith(null);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void tableListHasKubectlColumnsAndPartialObjectMetadata() {
    Reply r = server.get(SHOP + "?limit=500", TABLE_ACCEPT);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io");
    JsonNode t = r.json();
    assertThat(t.path("kind").asText()).isEqualTo("Table");
    assertThat(t.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(t.path("metadata").path("resourceVersion").asText())
        .isEqualTo(Long.toString(NOW.toEpochMilli()));
    List<String> columns = new ArrayList<>();
    List<String> wide = new ArrayList<>();
    t.path("columnDefinitions")
        .forEach(
            c -> {
              (c.path("priority").asInt() == 1 ? wide : columns).add(c.path("name").asText());
            });
    assertThat(columns).containsExactly("Name", "Metric", "Type", "Service", "Last", "Unit", "Age");
    assertThat(wide).containsExactly("Pod", "Min", "Max", "Avg", "Count", "Rate", "P99");
    assertThat(t.path("rows")).hasSize(23);
    JsonNode row = t.path("rows").get(0);
    assertThat(row.path("cells")).hasSize(14);
    assertThat(row.path("cells").get(1).asText()).isEqualTo("http.server.duration");
    assertThat(row.path("cells").get(6).asText()).isEqualTo("10m");
    JsonNode obj = row.path("object");
    assertThat(obj.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(obj.path("metadata").path("namespace").asText()).isEqualTo("shop");
    assertThat(obj.path("metadata").path("labels").path("metric").asText())
        .isEqualTo("http.server.duration");
    assertThat(obj.path("metadata").path("labels").has("http.method")).isTrue();
    // "/api/x" is not a valid label value: left out of labels, kept in spec.attributes
    assertThat(obj.path("metadata").path("labels").has("http.route")).isFalse();
  }

  @Test
  void includeObjectNoneAndObject() {
    JsonNode none = server.get(SHOP + "?includeObject=None", TABLE_ACCEPT).json();
    assertThat(none.path("rows").get(0).has("object")).isFalse();
    JsonNode full = server.get(SHOP + "?includeObject=Object", TABLE_ACCEPT).json();
    JsonNode obj = full.path("rows").get(0).path("object");
    assertThat(obj.path("kind").asText()).isEqualTo("Metric");
    assertThat(obj.path("status").has("points")).isFalse();
    assertThat(server.get(SHOP + "?includeObject=All", TABLE_ACCEPT).status()).isEqualTo(400);
  }

  @Test
  void fullObjectListCarriesPointsAndStatistics() {
    Reply r = server.get(SHOP + "?limit=500", "application/json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonNode list = r.json();
    assertThat(list.path("kind").asText()).isEqualTo("MetricList");
    assertThat(list.path("apiVersion").asText()).isEqualTo("telemetry.kubetel.io/v1alpha1");
    assertThat(list.path("metadata").has("continue")).isFalse();
    JsonNode m = list.path("items").get(0);
    assertThat(m.path("kind").asText()).isEqualTo("Metric");
    assertThat(m.path("spec").path("metricName").asText()).isEqualTo("http.server.duration");
    assertThat(m.path("spec").path("attributes").path("http.route").asText()).isEqualTo("/api/x");
    assertThat(m.path("status").path("points")).hasSize(2);
    assertThat(m.path("status").path("count").asLong()).isEqualTo(2);
    assertThat(m.path("status").path("window").path("end").asText()).isEqualTo(NOW.toString());
    assertThat(m.path("metadata").path("creationTimestamp").asText())
        .isEqualTo("2026-11-25T11:50:00Z");
  }

  @Test
  void pagesThroughEverythingWithContinue() {
    Set<String> names = new HashSet<>();
    int pages = 0;
    String cont = null;
    String rv = null;
    do {
      String path = SHOP + "?limit=7" + (cont == null ? "" : "&continue=" + q(cont));
      clock.advance(Duration.ofSeconds(5)); // later pages still read the first page's window
      JsonNode t = server.get(path, TABLE_ACCEPT).json();
      if (rv == null) {
        rv = t.path("metadata").path("resourceVersion").asText();
      }
      assertThat(t.path("metadata").path("resourceVersion").asText()).isEqualTo(rv);
      t.path("rows")
          .forEach(row -> assertThat(names.add(row.path("cells").get(0).asText())).isTrue());
      cont = t.path("metadata").path("continue").asText(null);
      pages++;
    } while (cont != null && pages < 10);
    assertThat(names).hasSize(23);
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void withoutLimitTheWholeListComesInOneResponse() {
    // Kubernetes semantics (kubectl --sort-by relies on them): no limit, no continue token, even
    // though the server reads storage in pages of 10 here.
    JsonNode paged = server.get(SHOP + "?limit=10", "application/json").json();
    JsonNode whole = server.get(SHOP, "application/json").json();
    JsonNode table = server.get(SHOP, TABLE_ACCEPT).json();

    assertThat(paged.path("metadata").path("continue").asText()).isNotEmpty();
    assertThat(whole.path("items").size()).isGreaterThan(10);
    assertThat(whole.path("metadata").has("continue")).isFalse();
    assertThat(table.path("rows").size()).isEqualTo(whole.path("items").size());
  }

  @Test
  void continueTokenIsBoundToItsList() {
    String token =
        server
            .get(SHOP + "?limit=5", "application/json")
            .json()
            .path("metadata")
            .path("continue")
            .asText();
    Reply otherNs =
        server.get(BASE + "/namespaces/other/metrics?limit=5&continue=" + q(token), null);
    assertThat(otherNs.status()).isEqualTo(400);
    assertThat(otherNs.json().path("message").asText()).contains("namespace shop");
    Reply otherSel =
        server.get(SHOP + "?limit=5&labelSelector=service%3Dcart&continue=" + q(token), null);
    assertThat(otherSel.status()).isEqualTo(400);
    assertThat(otherSel.json().path("message").asText()).contains("labelSelector");
    Reply otherResource = server.get(BASE + "/namespaces/shop/logs?continue=" + q(token), null);
    assertThat(otherResource.json().path("message").asText()).contains("issued for metrics");
    // Flip a character in the middle: the last base64 character may carry only padding bits, so
    // changing it does not always change the decoded token.
    int at = token.length() / 2;
    char middle = token.charAt(at);
    String forged = token.substring(0, at) + (middle == 'A' ? 'B' : 'A') + token.substring(at + 1);
    Reply tampered = server.get(SHOP + "?limit=5&continue=" + q(forged), null);
    assertThat(tampered.status()).isEqualTo(400);
    assertThat(tampered.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(server.get(SHOP + "?continue=garbage", null).status()).isEqualTo(400);
    clock.advance(Duration.ofMinutes(16));
    Reply expired = server.get(SHOP + "?limit=5&continue=" + q(token), null);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().path("reason").asText()).isEqualTo("Expired");
  }

  @Test
  void labelSelectorsFilterExactly() {
    assertThat(names("labelSelector=" + q("service=cart"))).hasSize(11);
    assertThat(names("labelSelector=" + q("service in (cart),type=Sum")))
        .allMatch(n -> Integer.parseInt(n.substring(n.length() - 4), 16) % 3 == 0)
        .hasSize(4);
    assertThat(names("labelSelector=" + q("http.method=POST"))).hasSize(6);
    assertThat(names("labelSelector=" + q("service notin (cart),!http.method"))).isEmpty();
    assertThat(names("labelSelector=" + q("metric=http.server.duration"))).hasSize(23);
  }

  @Test
  void fieldSelectorsFilterAndWindow() {
    assertThat(names("fieldSelector=" + q("service=checkout,metric=http.server.duration")))
        .hasSize(12);
    assertThat(names("fieldSelector=" + q("service!=checkout"))).hasSize(11);
    assertThat(names("fieldSelector=" + q("metadata.name=http-server-duration-0003")))
        .containsExactly("http-server-duration-0003");
    assertThat(names("fieldSelector=" + q("window=3h"))).hasSize(24);
    assertThat(names("window=3h")).hasSize(24);
    assertThat(names("fieldSelector=" + q("window=5m"))).hasSize(23);
    assertThat(names("fieldSelector=" + q("end=2026-11-25T11:55:00Z"))).hasSize(23);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "fieldSelector=foo%3Dbar|field label not supported: foo",
        "fieldSelector=service%3Dcart%27|quotes",
        "fieldSelector=service%3Dcart%27%20OR%201%3D1|unescaped '='",
        "fieldSelector=service%3Da%20b|spaces",
        "fieldSelector=service%3Da%3Bdrop|looks like SQL",
        "fieldSelector=type%3Dgauge|must be one of ExponentialHistogram, Gauge, Histogram, Sum, Summary",
        "fieldSelector=window%3D-5m|must not be negative",
        "fieldSelector=window%3D30d|longer than the maximum",
        "window=banana|is not a duration",
        "window=PT15M|ISO-8601 durations are not accepted, write 15m instead",
        "window=0s|must be longer than zero",
        "start=2026-11-25T13:00:00Z&end=2026-11-25T12:30:00Z|must be before",
        "end=2026-11-26T12:00:00Z|in the future",
        "labelSelector=service%3D%3D%3D|unable to parse label selector",
        "labelSelector=a%20in%20(b|missing ')'",
        "labelSelector=bad%20key%3Dv|unable to parse",
        "limit=0|limit 0 must be from 1 to 10000",
        "limit=10001|must be from 1 to 10000",
        "limit=ten|must be an integer",
      })
  void badInputIs400WithAClearMessage(String query, String message) {
    Reply r = server.get(SHOP + "?" + query, TABLE_ACCEPT);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("kind").asText()).isEqualTo("Status");
    assertThat(r.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(r.json().path("message").asText()).contains(message);
  }

  @Test
  void getByNameReturnsPointsOrTableRow() {
    Reply r = server.get(SHOP + "/http-server-duration-0002", "application/json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("kind").asText()).isEqualTo("Metric");
    assertThat(r.json().path("status").path("points")).hasSize(2);
    assertThat(r.json().path("status").path("last").asDouble()).isEqualTo(5.0);
    JsonNode t = server.get(SHOP + "/http-server-duration-0002", TABLE_ACCEPT).json();
    assertThat(t.path("rows")).hasSize(1);
    assertThat(t.path("rows").get(0).path("cells").get(0).asText())
        .isEqualTo("http-server-duration-0002");
  }

  @Test
  void unknownNameIs404AndInvalidNameIs400() {
    Reply missing = server.get(SHOP + "/no-such-series", TABLE_ACCEPT);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("reason").asText()).isEqualTo("NotFound");
    assertThat(missing.json().path("message").asText())
        .isEqualTo("metrics.telemetry.kubetel.io \"no-such-series\" not found");
    assertThat(missing.json().path("details").path("name").asText()).isEqualTo("no-such-series");
    Reply invalid = server.get(SHOP + "/Bad_Name", TABLE_ACCEPT);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("message").asText()).contains("invalid metric name");
    assertThat(server.get(BASE + "/metrics/some-name", null).status()).isEqualTo(404);
  }

  @Test
  void allNamespacesListsEveryNamespace() {
    JsonNode t = server.get(BASE + "/metrics?limit=500", TABLE_ACCEPT).json();
    Set<String> namespaces = new HashSet<>();
    t.path("rows")
        .forEach(r -> namespaces.add(r.path("object").path("metadata").path("namespace").asText()));
    assertThat(namespaces).containsExactlyInAnyOrder("shop", "other");
    JsonNode only =
        server
            .get(BASE + "/metrics?fieldSelector=" + q("metadata.namespace=other"), TABLE_ACCEPT)
            .json();
    assertThat(only.path("rows")).hasSize(1);
  }

  @Test
  void storageFailuresMapToStatuses() {
    store.failWith(() -> new StoreUnavailableException("connection refused", null));
    Reply down = server.get(SHOP, TABLE_ACCEPT);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.json().path("reason").asText()).isEqualTo("ServiceUnavailable");
    assertThat(down.retryAfter()).isNull();

    store.failWith(
        () ->
            new StoreLimitException(
                StoreLimitException.Limit.ROWS_READ, "read more than 100000000 rows", null));
    Reply limit = server.get(SHOP, TABLE_ACCEPT);
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().path("message").asText()).contains("Narrow the time window");

    store.failWith(
        () ->
            new StoreLimitException(
                StoreLimitException.Limit.EXECUTION_TIME, "query took longer than 30s", null));
    assertThat(server.get(SHOP, TABLE_ACCEPT).status()).isEqualTo(504);

    store.failWith(() -> new IllegalStateException("secret internal detail"));
    Reply boom = server.get(SHOP + "/http-server-duration-0001", TABLE_ACCEPT);
    assertThat(boom.status()).isEqualTo(500);
    assertThat(boom.json().path("reason").asText()).isEqualTo("InternalError");
    assertThat(boom.body()).doesNotContain("secret internal detail").doesNotContain("at io.");
  }

  @Test
  void unsupportedAcceptIs406AndWritesAre405() {
    Reply r = server.get(SHOP, "application/yaml");
    assertThat(r.status()).isEqualTo(406);
    assertThat(r.json().path("reason").asText()).isEqualTo("NotAcceptable");
    Reply post = server.send(HttpMethod.POST, SHOP, null, "application/json", "{}");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().path("reason").asText()).isEqualTo("MethodNotAllowed");
    Reply del = server.send(HttpMethod.DELETE, SHOP + "/x", null, null, null);
    assertThat(del.status()).isEqualTo(405);
  }

  private List<String> names(String query) {
    return server.names(SHOP + "?limit=500&" + query);
  }
}
