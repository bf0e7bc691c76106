package io.kubetel.apiserver.queries;

import static io.kubetel.apiserver.testing.Fixtures.point;
import static io.kubetel.apiserver.testing.Fixtures.queryBody;
import static io.kubetel.apiserver.testing.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.openapi.OpenApiV3Document;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.PublishedSchemas;
import io.kubetel.apiserver.testing.StoreServerTest;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Reply;
import io.kubetel.model.metrics.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TelemetryQuery create over HTTP. */
class QueriesHandlerTest extends StoreServerTest {
  static final String SHOP = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/queries";

  /** The schema this server publishes for TelemetryQuery: every response must match it. */
  static final PublishedSchemas SCHEMAS =
      PublishedSchemas.of(
          OpenApiV3Document.build(List.of(new QueriesHandler(null, null, null).info())));

  @BeforeAll
  void start() throws Exception {
    store.addSeries(
        series("lat-a", "shop", "latency", MetricType.GAUGE, "cart", "cart-1", Map.of()),
        List.of(point(NOW.minusSeconds(90), 10), point(NOW.minusSeconds(80), 20)));
    store.addSeries(
        series("lat-b", "shop", "latency", MetricType.GAUGE, "checkout", "co-1", Map.of()),
        List.of(point(NOW.minusSeconds(90), 4)));
    store.addSeries(
        series("lat-c", "other", "latency", MetricType.GAUGE, "cart", "cart-9", Map.of()),
        List.of(point(NOW.minusSeconds(90), 1000)));
    server = TestApiServer.serving(store, new MutableClock(NOW), ResourceSettings.DEFAULTS);
  }

  /** POSTs a TelemetryQuery named q with {@code spec} to the shop namespace. */
  Reply create(String spec) {
    return server.post(SHOP, queryBody("{\"name\":\"q\"}", spec));
  }

  static final String SPEC =
      "{\"signal\":\"metrics\",\"metric\":\"latency\",\"aggregation\":\"avg\",\"groupBy\":[\"service\"]}";

  @Test
  void createRunsTheQueryInTheUrlNamespace() {
    Reply r =
        server.post(SHOP, queryBody("{\"name\":\"q1\",\"annotations\":{\"team\":\"shop\"}}", SPEC));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode o = r.json();
    assertThat(SCHEMAS.problems(o)).isEmpty();
    assertThat(o.at("/metadata/annotations/team").asText()).isEqualTo("shop");
    assertThat(o.path("kind").asText()).isEqualTo("TelemetryQuery");
    assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("shop");
    assertThat(o.path("spec").path("metric").asText()).isEqualTo("latency");
    JsonNode series = o.path("status").path("series");
    assertThat(series).hasSize(2);
    assertThat(series.toString()).doesNotContain("1000");
    // The default 15m range in 60 points, as the validator resolves it for every store.
    assertThat(o.path("status").path("step").asText()).isEqualTo("15s");
    JsonNode cart =
        series.get(0).path("labels").path("service").asText().equals("cart")
            ? series.get(0)
            : series.get(1);
    assertThat(cart.path("points").get(0).path("value").asDouble()).isEqualTo(15.0);
  }

  @Test
  void generateNameAndDryRun() {
    Reply r = server.post(SHOP + "?dryRun=All", queryBody("{\"generateName\":\"q-\"}", SPEC));
    assertThat(r.status()).isEqualTo(201);
    assertThat(SCHEMAS.problems(r.json())).isEmpty();
    assertThat(r.json().path("metadata").path("name").asText()).matches("q-[a-z0-9]{5}");
    assertThat(r.json().has("status")).isFalse();
  }

  @Test
  void strictParsingNamesTheField() {
    Reply unknown =
        create(
            "{\"signal\":\"metrics\",\"metric\":\"latency\",\"filters\":[{\"key\":\"service\",\"valeus\":[\"a\"]}]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).contains("spec.filters[0].valeus");
    Reply top =
        server.post(
            SHOP, queryBody("{\"name\":\"q\"}", SPEC).replace("\"kind\"", "\"extra\":1,\"kind\""));
    assertThat(top.json().path("message").asText()).contains("unknown field \"extra\"");
    Reply kind =
        server.post(SHOP, queryBody("{\"name\":\"q\"}", SPEC).replace("TelemetryQuery", "Query"));
    assertThat(kind.status()).isEqualTo(400);
    Reply ns = server.post(SHOP, queryBody("{\"name\":\"q\",\"namespace\":\"other\"}", SPEC));
    assertThat(ns.status()).isEqualTo(400);
    assertThat(ns.json().path("message").asText()).contains("does not match");
    Reply enumValue = create("{\"signal\":\"events\"}");
    assertThat(enumValue.status()).isEqualTo(422);
    assertThat(enumValue.json().path("message").asText())
        .contains("spec.signal")
        .contains("metrics, traces, logs");
    assertThat(server.post(SHOP, "not json").status()).isEqualTo(400);
  }

  @Test
  void invalidSpecListsEveryProblem() {
    Reply r =
        create(
            "{\"signal\":\"metrics\",\"step\":\"soon\",\"filters\":[{\"key\":\"pod\",\"operator\":\"In\"}]}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("reason").asText()).isEqualTo("Invalid");
    assertThat(r.json().path("message").asText())
        .contains("spec.metric: Required value")
        .contains("spec.step")
        .contains("spec.filters[0].values");
    // One field error per problem, as kube-apiserver sends them: kubectl prints "field: problem".
    assertThat(r.json().at("/details/kind").asText()).isEqualTo("TelemetryQuery");
    assertThat(r.json().at("/details/name").asText()).isEqualTo("q");
    List<String> fields = new ArrayList<>();
    r.json().at("/details/causes").forEach(c -> fields.add(c.path("field").asText()));
    assertThat(fields).contains("spec.metric", "spec.step", "spec.filters[0].values");
    assertThat(r.json().at("/details/causes/0/message").asText()).startsWith("Required value");
    Reply noData = create("{\"signal\":\"metrics\",\"metric\":\"nope\"}");
    // Storage answers a metric it has no data for with no series, not with an error.
    assertThat(noData.status()).isEqualTo(201);
    assertThat(noData.json().path("status").path("series").isArray()).isTrue();
    assertThat(noData.json().path("status").path("series")).isEmpty();
  }

  @Test
  void readsAreNotAllowed() {
    Reply list = server.get(SHOP, "application/json");
    assertThat(list.status()).isEqualTo(405);
    assertThat(list.json().path("reason").asText()).isEqualTo("MethodNotAllowed");
    assertThat(server.get(SHOP + "/q1", null).status()).isEqualTo(405);
    assertThat(
            server
                .post(
                    "/apis/telemetry.kubetel.io/v1alpha1/queries",
                    queryBody("{\"name\":\"q\"}", SPEC))
                .status())
        .isEqualTo(400);
  }
}
