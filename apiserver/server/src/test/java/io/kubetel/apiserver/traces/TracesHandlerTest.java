package io.kubetel.apiserver.traces;

import static io.kubetel.apiserver.testing.Fixtures.span;
import static io.kubetel.apiserver.testing.Fixtures.trace;
import static io.kubetel.apiserver.testing.Fixtures.traceId;
import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.StoreServerTest;
import io.kubetel.apiserver.testing.TestApiServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Traces over HTTP: table rows, span tree on get, selectors, paging. */
class TracesHandlerTest extends StoreServerTest {
  static final String SHOP = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/traces";

  @BeforeAll
  void start() throws Exception {
    for (int i = 1; i <= 12; i++) {
      Instant t = NOW.minusSeconds(30L * i);
      boolean fails = i % 4 == 0;
      String root = i % 2 == 0 ? "frontend" : "checkout";
      store.addTrace(
          trace(
              traceId(i),
              "shop",
              span(
                  "a" + String.format("%015x", i),
                  "",
                  "GET /cart",
                  root,
                  "shop",
                  t,
                  120_000_000,
                  "Ok",
                  List.of(
                      span(
                          "b" + String.format("%015x", i),
                          "a",
                          "SELECT",
                          "cart-db",
                          "shop",
                          t.plusMillis(5),
                          80_000_000,
                          fails ? "Error" : "Ok",
                          List.of())))));
    }
    ResourceSettings settings = ResourceSettings.DEFAULTS.withPageSize(5);
    server = TestApiServer.serving(store, new MutableClock(NOW), settings);
  }

  @Test
  void tableShowsTraceSummaries() {
    JsonNode t = server.get(SHOP + "?limit=100", TABLE_ACCEPT).json();
    List<String> defs = new ArrayList<>();
    t.path("columnDefinitions")
        .forEach(
            c -> defs.add(c.path("name").asText() + (c.path("priority").asInt() == 1 ? "*" : "")));
    assertThat(defs)
        .containsExactly(
            "Name",
            "Root Service",
            "Root Span",
            "Spans",
            "Duration",
            "Status",
            "Age",
            "Services*",
            "Errors*");
    assertThat(t.path("rows")).hasSize(12);
    JsonNode first = t.path("rows").get(0).path("cells");
    assertThat(first.get(0).asText()).isEqualTo(traceId(1)); // newest first
    assertThat(first.get(3).asInt()).isEqualTo(2);
    assertThat(first.get(4).asText()).isEqualTo("120ms");
    assertThat(first.get(7).asText()).isEqualTo("checkout,cart-db");
    JsonNode labels = t.path("rows").get(0).path("object").path("metadata").path("labels");
    assertThat(labels.path("service").asText()).isEqualTo("checkout");
    assertThat(labels.path("status").asText()).isEqualTo("Ok");
  }

  @Test
  void getReturnsTheSpanTree() {
    JsonNode o = server.get(SHOP + "/" + traceId(4), "application/json").json();
    assertThat(o.path("kind").asText()).isEqualTo("Trace");
    assertThat(o.path("status").path("status").asText()).isEqualTo("Error");
    JsonNode root = o.path("status").path("spans").get(0);
    assertThat(root.path("service").asText()).isEqualTo("frontend");
    JsonNode child = root.path("children").get(0);
    assertThat(child.path("name").asText()).isEqualTo("SELECT");
    assertThat(child.path("status").asText()).isEqualTo("Error");
    assertThat(child.path("events").get(0).path("name").asText()).isEqualTo("exception");
    assertThat(child.path("attributes").path("http.method").asText()).isEqualTo("GET");
  }

  @Test
  void selectorsOnTraces() {
    assertThat(names("labelSelector=" + q("status=Error"))).hasSize(3);
    assertThat(names("labelSelector=" + q("service=frontend"))).hasSize(6);
    // like the field selector, -l service=X selects traces any span of X took part in, even
    // though the service label shows the root service
    assertThat(names("labelSelector=" + q("service=cart-db"))).hasSize(12);
    assertThat(names("labelSelector=" + q("service in (cart-db)"))).hasSize(12);
    // field selector service matches any span of the trace
    assertThat(names("fieldSelector=" + q("service=cart-db"))).hasSize(12);
    assertThat(names("fieldSelector=" + q("service!=cart-db"))).isEmpty();
    assertThat(names("fieldSelector=" + q("span=SELECT,status=Error"))).hasSize(3);
    assertThat(names("fieldSelector=" + q("traceId=" + traceId(7)))).containsExactly(traceId(7));
    assertThat(server.get(SHOP + "?fieldSelector=" + q("traceId=xyz"), null).status())
        .isEqualTo(400);
    assertThat(server.get(SHOP + "?fieldSelector=" + q("status=Failed"), null).status())
        .isEqualTo(400);
  }

  @Test
  void invalidAndUnknownTraceNames() {
    assertThat(server.get(SHOP + "/not-hex", null).status()).isEqualTo(400);
    assertThat(server.get(SHOP + "/" + traceId(999), null).status()).isEqualTo(404);
  }

  @Test
  void pagingCoversAllTraces() {
    Set<String> seen = new HashSet<>();
    String cont = null;
    int pages = 0;
    do {
      JsonNode l =
          server
              .get(
                  SHOP + "?limit=5" + (cont == null ? "" : "&continue=" + q(cont)),
                  "application/json")
              .json();
      l.path("items")
          .forEach(i -> assertThat(seen.add(i.path("metadata").path("name").asText())).isTrue());
      cont = l.path("metadata").path("continue").asText(null);
      pages++;
    } while (cont != null && pages < 10);
    assertThat(seen).hasSize(12);
  }

  private List<String> names(String query) {
    return server.names(SHOP + "?limit=500&" + query);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
