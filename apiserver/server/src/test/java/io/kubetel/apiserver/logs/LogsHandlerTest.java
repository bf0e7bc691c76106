package io.kubetel.apiserver.logs;

import static io.kubetel.apiserver.testing.Fixtures.log;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logs over HTTP: table with truncated bodies, wide columns, get, selectors. */
class LogsHandlerTest extends StoreServerTest {
  static final String SHOP = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";

  @BeforeAll
  void start() throws Exception {
    for (int i = 0; i < 9; i++) {
      String sev = i % 3 == 0 ? "ERROR" : "INFO";
      String service = i % 2 == 0 ? "cart" : "checkout";
      store.addLog(
          log(
              "rec-" + i,
              "shop",
              NOW.minusSeconds(100 - i),
              sev,
              service,
              "line " + i + " " + "x".repeat(i == 0 ? 200 : 5) + "\nsecond line",
              i == 4 ? traceId(4) : "",
              Map.of("user.tier", i % 2 == 0 ? "gold" : "free")));
    }
    store.addLog(log("rec-other", "other", NOW.minusSeconds(5), "INFO", "cart", "o", "", Map.of()));
    server = TestApiServer.serving(store, new MutableClock(NOW), ResourceSettings.DEFAULTS);
  }

  @Test
  void tableRowsOldestFirstWithTruncatedBody() {
    JsonNode t = server.get(SHOP, TABLE_ACCEPT).json();
    assertThat(t.path("rows")).hasSize(9);
    JsonNode cells = t.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asText()).isEqualTo("rec-0");
    assertThat(cells.get(1).asText()).isEqualTo("2026-11-25T11:58:20Z");
    assertThat(cells.get(2).asText()).isEqualTo("ERROR");
    assertThat(cells.get(4).asText()).hasSize(80).endsWith("...").doesNotContain("\n");
    List<String> wide = new ArrayList<>();
    t.path("columnDefinitions")
        .forEach(
            c -> {
              if (c.path("priority").asInt() == 1) {
                wide.add(c.path("name").asText());
              }
            });
    assertThat(wide).containsExactly("Pod", "Trace", "Span");
  }

  @Test
  void getByNameAndSelectors() {
    JsonNode o = server.get(SHOP + "/rec-4", "application/json").json();
    assertThat(o.path("kind").asText()).isEqualTo("LogRecord");
    assertThat(o.path("spec").path("traceId").asText()).isEqualTo(traceId(4));
    assertThat(o.path("metadata").path("labels").path("user.tier").asText()).isEqualTo("gold");
    assertThat(names("fieldSelector=" + q("severity=ERROR")))
        .containsExactly("rec-0", "rec-3", "rec-6");
    assertThat(names("fieldSelector=" + q("traceId=" + traceId(4)))).containsExactly("rec-4");
    assertThat(names("labelSelector=" + q("user.tier=gold,severity=INFO")))
        .containsExactly("rec-2", "rec-4", "rec-8");
    assertThat(names("labelSelector=" + q("service=checkout"))).hasSize(4);
    assertThat(server.get(SHOP + "/rec-404", null).status()).isEqualTo(404);
    assertThat(server.get(SHOP + "?fieldSelector=" + q("severity=ER ROR"), null).status())
        .isEqualTo(400);
    assertThat(
            server
                .get(SHOP + "?fieldSelector=" + q("body=x"), null)
                .json()
                .path("message")
                .asText())
        .isEqualTo("field label not supported: body");
  }

  private List<String> names(String query) {
    return server.names(SHOP + "?" + query);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
