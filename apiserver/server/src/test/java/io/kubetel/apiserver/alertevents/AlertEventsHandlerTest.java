package io.kubetel.apiserver.alertevents;

import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.StoreServerTest;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertEventReader;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * alertevents over HTTP with an in-memory reader: discovery in the telemetry category, the table,
 * get by name, selectors on rule, state and series labels, paging and a clean 404.
 */
class AlertEventsHandlerTest extends StoreServerTest {
  private AlertEventReader reader;

  static final String ALL = "/apis/telemetry.kubetel.io/v1alpha1/alertevents";
  static final String SHOP = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/alertevents";

  final List<AlertEvent> events = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    events.add(event("shop", "errors", AlertSeriesState.Inactive, AlertSeriesState.Pending, 1));
    events.add(event("shop", "errors", AlertSeriesState.Pending, AlertSeriesState.Firing, 2));
    events.add(event("shop", "latency", AlertSeriesState.Inactive, AlertSeriesState.Firing, 3));
    events.add(event("other", "errors", AlertSeriesState.Inactive, AlertSeriesState.Firing, 4));
    events.add(event("shop", "errors", AlertSeriesState.Firing, AlertSeriesState.Inactive, 5));
    reader =
        new AlertEventReader() {
          @Override
          public Page<AlertEvent> listAlertEvents(ListRequest r) {
            long after =
                r.after().map(c -> Long.parseLong(c.parts().get(0))).orElse(Long.MAX_VALUE);
            List<AlertEvent> match =
                events.stream()
                    .filter(e -> r.namespace().map(e.namespace()::equals).orElse(true))
                    .filter(e -> e.version() < after)
                    .sorted(Comparator.comparingLong(AlertEvent::version).reversed())
                    .toList();
            if (match.size() <= r.limit()) {
              return Page.last(match);
            }
            List<AlertEvent> page = match.subList(0, r.limit());
            return new Page<>(
                page,
                Optional.of(
                    new Cursor(List.of(Long.toString(page.get(page.size() - 1).version())))));
          }

          @Override
          public Optional<AlertEvent> getAlertEvent(String namespace, String name) {
            return events.stream()
                .filter(e -> e.namespace().equals(namespace) && e.name().equals(name))
                .findFirst();
          }
        };
    MutableClock clock = new MutableClock(NOW);
    ContinueKey key = ContinueKey.random();
    server =
        new TestApiServer(
            w ->
                TelemetryResources.create(
                    store,
                    Optional.empty(),
                    w,
                    clock,
                    ResourceSettings.DEFAULTS,
                    () -> key,
                    Optional.of(reader)));
  }

  static AlertEvent event(
      String ns, String rule, AlertSeriesState from, AlertSeriesState to, long version) {
    return new AlertEvent(
        ns,
        rule,
        "a1b2c3d4e5f60718",
        Map.of("http.route", "/pay"),
        from,
        to,
        to == AlertSeriesState.Inactive ? 0.02 : 0.25,
        "critical",
        "rate is 0.25 on /pay",
        NOW.minusSeconds(300 - version * 10),
        version);
  }

  @Test
  void itIsAReadOnlyNamespacedTelemetryResource() {
    var info = new AlertEventsResource(reader).info();
    assertThat(info.plural()).isEqualTo("alertevents");
    assertThat(info.kind()).isEqualTo("AlertEvent");
    assertThat(info.namespaced()).isTrue();
    assertThat(info.categories()).containsExactly("telemetry");
    assertThat(info.verbs()).containsExactly("get", "list", "watch");
    assertThat(info.shortNames()).containsExactly("ae");
  }

  @Test
  void theTableShowsEachTransition() {
    JsonNode t = server.get(SHOP, TABLE_ACCEPT).json();
    assertThat(t.path("rows")).hasSize(4);
    List<String> columns = new ArrayList<>();
    t.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns)
        .containsExactly(
            "Name", "Time", "Rule", "From", "To", "Value", "Severity", "Series", "Summary");
    List<String> transitions = new ArrayList<>();
    t.path("rows")
        .forEach(
            r ->
                transitions.add(
                    r.path("cells").get(2).asText()
                        + ":"
                        + r.path("cells").get(3).asText()
                        + ">"
                        + r.path("cells").get(4).asText()));
    assertThat(transitions)
        .containsExactlyInAnyOrder(
            "errors:Inactive>Pending",
            "errors:Pending>Firing",
            "latency:Inactive>Firing",
            "errors:Firing>Inactive");
    assertThat(server.names(ALL)).hasSize(5);
  }

  @Test
  void getAndSelectors() {
    AlertEvent fired = events.get(1);
    JsonNode o = server.get(SHOP + "/" + fired.name(), "application/json").json();
    assertThat(o.path("kind").asText()).isEqualTo("AlertEvent");
    assertThat(o.path("spec").path("to").asText()).isEqualTo("Firing");
    assertThat(o.path("spec").path("seriesLabels").path("http.route").asText()).isEqualTo("/pay");
    assertThat(o.path("metadata").path("labels").path("rule").asText()).isEqualTo("errors");
    assertThat(names("fieldSelector=" + q("rule=errors,state=Firing")))
        .containsExactly(fired.name());
    assertThat(names("labelSelector=" + q("rule=latency"))).hasSize(1);
    TestApiServer.Reply missing = server.get(SHOP + "/errors.nope", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("kind").asText()).isEqualTo("Status");
    assertThat(missing.json().path("reason").asText()).isEqualTo("NotFound");
    assertThat(missing.json().path("message").asText()).contains("errors.nope");
    TestApiServer.Reply unknownField = server.get(SHOP + "?fieldSelector=" + q("value=1"), null);
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().path("kind").asText()).isEqualTo("Status");
    assertThat(unknownField.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(unknownField.json().path("message").asText()).contains("value");
  }

  @Test
  void pagesFollowTheContinueToken() {
    JsonNode first = server.get(SHOP + "?limit=3", "application/json").json();
    assertThat(first.path("items")).hasSize(3);
    String token = first.path("metadata").path("continue").asText();
    assertThat(token).isNotEmpty();
    JsonNode second = server.get(SHOP + "?limit=3&continue=" + q(token), "application/json").json();
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("metadata").path("continue").asText()).as("last page").isEmpty();
    List<String> paged = new ArrayList<>();
    first.path("items").forEach(i -> paged.add(i.path("metadata").path("name").asText()));
    second.path("items").forEach(i -> paged.add(i.path("metadata").path("name").asText()));
    assertThat(paged)
        .as("every event of shop once, newest first")
        .containsExactlyElementsOf(server.names(SHOP));
  }

  private List<String> names(String query) {
    return server.names(SHOP + "?" + query);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
