package io.kubetel.apiserver;

import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Reply;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Event;
import io.kubetel.store.write.TelemetryBatch.Gauge;
import io.kubetel.store.write.TelemetryBatch.Log;
import io.kubetel.store.write.TelemetryBatch.Span;
import io.kubetel.store.write.TelemetryBatch.Sum;
import io.kubetel.store.write.TelemetryWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The resource handlers over HTTP against the real ClickHouse store on a real ClickHouse: list,
 * get, paging with continue, label and field selectors for every resource, queries, and a storage
 * outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryResourcesIT {
  static final String BASE = "/apis/telemetry.kubetel.io/v1alpha1";
  static final String TRACE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
  static final String TRACE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
  static final String TRACE_C = "ccccccccccccccccccccccccccccccc3";

  LocalClickHouse ch;
  TestApiServer server;
  TestApiServer down;
  Instant t0;

  @BeforeAll
  void start() throws Exception {
    ch = LocalClickHouse.start("apiserver_resources");
    t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(8));
    TelemetryBatch b = new TelemetryBatch();
    Map<String, String> c1 = res("shop", "checkout-1");
    Map<String, String> c2 = res("shop", "checkout-2");
    Map<String, String> cart = res("shop", "cart-1");
    Map<String, String> pay = res("payments", "payment-1");
    for (int i = 0; i < 3; i++) {
      Instant t = t0.plusSeconds(60L * i);
      b.gauges.add(
          new Gauge(c1, "checkout", "process.memory.usage", "By", "mem", Map.of(), t, 100 + i));
      b.gauges.add(
          new Gauge(c2, "checkout", "process.memory.usage", "By", "mem", Map.of(), t, 200 + i));
      b.gauges.add(
          new Gauge(cart, "cart", "process.memory.usage", "By", "mem", Map.of(), t, 300 + i));
      b.gauges.add(
          new Gauge(pay, "payment", "process.memory.usage", "By", "mem", Map.of(), t, 9000));
      for (String method : List.of("GET", "POST")) {
        b.sums.add(
            new Sum(
                c1,
                "checkout",
                "http.server.requests",
                "1",
                "requests",
                Map.of("http.method", method, "http.route", "/cart"),
                t0.minusSeconds(60),
                t,
                10 * (i + 1),
                2,
                true));
      }
    }
    b.spans.add(
        span(
            res("shop", "frontend-1"),
            "frontend",
            TRACE_A,
            "a000000000000001",
            "",
            "GET /checkout",
            t0,
            300,
            "Ok",
            List.of()));
    b.spans.add(
        span(
            c1,
            "checkout",
            TRACE_A,
            "a000000000000002",
            "a000000000000001",
            "charge",
            t0.plusMillis(10),
            200,
            "Error",
            List.of(
                new Event(t0.plusMillis(50), "exception", Map.of("exception.type", "Timeout")))));
    b.spans.add(
        span(
            c1,
            "checkout",
            TRACE_B,
            "b000000000000001",
            "",
            "GET /cart",
            t0.plusSeconds(30),
            50,
            "Ok",
            List.of()));
    b.spans.add(
        span(
            pay,
            "payment",
            TRACE_C,
            "c000000000000001",
            "",
            "POST /pay",
            t0.plusSeconds(40),
            80,
            "Ok",
            List.of()));
    String[] sev = {"INFO", "ERROR", "INFO", "WARN", "ERROR"};
    for (int i = 0; i < sev.length; i++) {
      b.logs.add(
          new Log(
              i % 2 == 0 ? c1 : cart,
              i % 2 == 0 ? "checkout" : "cart",
              t0.plusSeconds(10L * i),
              i == 1 ? TRACE_A : "",
              i == 1 ? "a000000000000002" : "",
              sev[i],
              sev[i].equals("ERROR") ? 17 : 9,
              "message " + i + " it's \"quoted\"",
              Map.of("user.tier", i < 2 ? "gold" : "free")));
    }
    b.logs.add(new Log(pay, "payment", t0, "", "", "INFO", 9, "paid", Map.of()));
    new TelemetryWriter(ch.gateway(), ch.layout()).write(b);

    ClickHouseTelemetryStore store =
        new ClickHouseTelemetryStore(ch.gateway(), ch.layout(), Clock.systemUTC());
    ResourceSettings settings =
        ResourceSettings.DEFAULTS.withWatch(Duration.ofMillis(200), Duration.ofMinutes(1));
    server =
        new TestApiServer(
            w ->
                TelemetryResources.create(
                    store, w, Clock.systemUTC(), settings, ContinueKey.random()));
    ClickHouseTelemetryStore unreachable =
        new ClickHouseTelemetryStore(ClickHouseSettings.of("http://127.0.0.1:1", ch.database()));
    down =
        new TestApiServer(
            w ->
                TelemetryResources.create(
                    unreachable, w, Clock.systemUTC(), settings, ContinueKey.random()));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (down != null) {
      down.close();
    }
    if (ch != null) {
      ch.close();
    }
  }

  static Map<String, String> res(String ns, String pod) {
    return Map.of("k8s.namespace.name", ns, "k8s.pod.name", pod);
  }

  static Span span(
      Map<String, String> res,
      String svc,
      String trace,
      String id,
      String parent,
      String name,
      Instant start,
      long millis,
      String status,
      List<Event> events) {
    return new Span(
        res,
        svc,
        trace,
        id,
        parent,
        name,
        parent.isEmpty() ? "Server" : "Internal",
        start,
        millis * 1_000_000,
        status,
        status.equals("Error") ? "deadline" : "",
        Map.of("http.method", "GET"),
        events);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private List<String> names(String path) {
    Reply r = server.get(path, TABLE_ACCEPT);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("rows").forEach(row -> out.add(row.path("cells").get(0).asText()));
    return out;
  }

  private List<JsonNode> rows(String path) {
    Reply r = server.get(path, TABLE_ACCEPT);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.json().path("rows").forEach(out::add);
    return out;
  }

  /** Follows continue tokens to the end; returns every name seen (failing on duplicates). */
  private Set<String> pageAll(String path, int limit) {
    Set<String> names = new HashSet<>();
    String cont = null;
    for (int page = 0; page < 50; page++) {
      Reply r =
          server.get(
              path
                  + (path.contains("?") ? "&" : "?")
                  + "limit="
                  + limit
                  + (cont == null ? "" : "&continue=" + q(cont)),
              "application/json");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("items").size()).isLessThanOrEqualTo(limit);
      r.json()
          .path("items")
          .forEach(i -> assertThat(names.add(i.path("metadata").path("name").asText())).isTrue());
      cont = r.json().path("metadata").path("continue").asText(null);
      if (cont == null) {
        return names;
      }
    }
    throw new AssertionError("paging did not end");
  }

  @Test
  void metricsListGetPageAndSelect() {
    List<JsonNode> shop = rows(BASE + "/namespaces/shop/metrics");
    assertThat(shop).hasSize(5); // 3 memory series + 2 request series
    assertThat(shop)
        .allSatisfy(
            r ->
                assertThat(r.path("object").path("metadata").path("namespace").asText())
                    .isEqualTo("shop"));
    assertThat(names(BASE + "/metrics")).hasSize(6);

    Set<String> all = new HashSet<>(names(BASE + "/namespaces/shop/metrics"));
    assertThat(pageAll(BASE + "/namespaces/shop/metrics", 2)).isEqualTo(all);

    List<JsonNode> cart =
        rows(BASE + "/namespaces/shop/metrics?labelSelector=" + q("service=cart"));
    assertThat(cart).hasSize(1);
    assertThat(cart.get(0).path("cells").get(4).asDouble()).isEqualTo(302.0);
    assertThat(
            names(
                BASE
                    + "/namespaces/shop/metrics?labelSelector="
                    + q("http.method=POST")
                    + "&fieldSelector="
                    + q("metric=http.server.requests")))
        .hasSize(1);
    assertThat(
            names(
                BASE + "/namespaces/shop/metrics?fieldSelector=" + q("pod=checkout-2,type=Gauge")))
        .hasSize(1);
    assertThat(names(BASE + "/namespaces/shop/metrics?fieldSelector=" + q("service!=checkout")))
        .hasSize(1);

    String name = cart.get(0).path("cells").get(0).asText();
    Reply get = server.get(BASE + "/namespaces/shop/metrics/" + name, "application/json");
    assertThat(get.status()).as(get.body()).isEqualTo(200);
    assertThat(get.json().path("status").path("points")).hasSize(3);
    assertThat(get.json().path("spec").path("pod").asText()).isEqualTo("cart-1");
    String missing = name.substring(0, name.length() - 10) + "0123456789";
    assertThat(server.get(BASE + "/namespaces/shop/metrics/" + missing, null).status())
        .isEqualTo(404);
    assertThat(server.get(BASE + "/namespaces/payments/metrics/" + name, null).status())
        .isEqualTo(404);
  }

  @Test
  void tracesListGetAndSelect() {
    List<JsonNode> shop = rows(BASE + "/namespaces/shop/traces");
    assertThat(shop)
        .extracting(r -> r.path("cells").get(0).asText())
        .containsExactly(TRACE_B, TRACE_A);
    JsonNode a = shop.get(1).path("cells");
    assertThat(a.get(1).asText()).isEqualTo("frontend");
    assertThat(a.get(3).asInt()).isEqualTo(2);
    assertThat(a.get(5).asText()).isEqualTo("Error");
    assertThat(names(BASE + "/namespaces/shop/traces?fieldSelector=" + q("status=Error")))
        .containsExactly(TRACE_A);
    // -l service=X on traces means "X took part", like the field selector (not the root label).
    assertThat(names(BASE + "/namespaces/shop/traces?labelSelector=" + q("service=checkout")))
        .containsExactly(TRACE_B, TRACE_A);
    assertThat(names(BASE + "/namespaces/shop/traces?labelSelector=" + q("service=frontend")))
        .containsExactly(TRACE_A);
    assertThat(names(BASE + "/namespaces/shop/traces?fieldSelector=" + q("service=checkout")))
        .containsExactly(TRACE_B, TRACE_A);
    assertThat(names(BASE + "/namespaces/shop/traces?fieldSelector=" + q("span=charge")))
        .containsExactly(TRACE_A);
    assertThat(pageAll(BASE + "/traces", 1)).containsExactlyInAnyOrder(TRACE_A, TRACE_B, TRACE_C);

    Reply tree = server.get(BASE + "/namespaces/shop/traces/" + TRACE_A, "application/json");
    assertThat(tree.status()).as(tree.body()).isEqualTo(200);
    JsonNode root = tree.json().path("status").path("spans").get(0);
    assertThat(root.path("name").asText()).isEqualTo("GET /checkout");
    JsonNode child = root.path("children").get(0);
    assertThat(child.path("service").asText()).isEqualTo("checkout");
    assertThat(child.path("status").asText()).isEqualTo("Error");
    assertThat(child.path("events").get(0).path("name").asText()).isEqualTo("exception");
    assertThat(server.get(BASE + "/namespaces/shop/traces/" + "d".repeat(32), null).status())
        .isEqualTo(404);
  }

  @Test
  void logsListGetPageAndSelect() {
    List<JsonNode> shop = rows(BASE + "/namespaces/shop/logs");
    assertThat(shop).hasSize(5);
    assertThat(shop.get(0).path("cells").get(4).asText()).isEqualTo("message 0 it's \"quoted\"");
    assertThat(names(BASE + "/namespaces/shop/logs?fieldSelector=" + q("severity=ERROR")))
        .hasSize(2);
    assertThat(names(BASE + "/namespaces/shop/logs?fieldSelector=" + q("traceId=" + TRACE_A)))
        .hasSize(1);
    assertThat(
            names(BASE + "/namespaces/shop/logs?labelSelector=" + q("user.tier=gold,service=cart")))
        .hasSize(1);
    Set<String> all = new HashSet<>(names(BASE + "/namespaces/shop/logs"));
    assertThat(pageAll(BASE + "/namespaces/shop/logs", 2)).isEqualTo(all);

    String name = shop.get(3).path("cells").get(0).asText();
    Reply get = server.get(BASE + "/namespaces/shop/logs/" + name, "application/json");
    assertThat(get.status()).as(get.body()).isEqualTo(200);
    assertThat(get.json().path("spec").path("severity").asText()).isEqualTo("WARN");
    assertThat(get.json().path("spec").path("service").asText()).isEqualTo("cart");
  }

  @Test
  void namesThatCannotExistAreNotFound() {
    for (String path : List.of("metrics/no-such-thing", "logs/no-such-thing", "logs/12-abc")) {
      Reply r = server.get(BASE + "/namespaces/shop/" + path, TABLE_ACCEPT);
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(404);
    }
  }

  @Test
  void watchDeliversNewLogsFromClickHouse() throws Exception {
    String path = BASE + "/namespaces/shop/logs";
    String rv =
        server.get(path, TABLE_ACCEPT).json().path("metadata").path("resourceVersion").asText();
    try (TestApiServer.Stream s =
        server.stream(
            path + "?watch=true&fieldSelector=" + q("service=watched") + "&resourceVersion=" + rv,
            TABLE_ACCEPT)) {
      assertThat(s.status).isEqualTo(200);
      TelemetryBatch b = new TelemetryBatch();
      b.logs.add(
          new Log(
              res("shop", "watched-1"),
              "watched",
              Instant.now(),
              "",
              "",
              "INFO",
              9,
              "arrived while watching",
              Map.of()));
      b.logs.add(
          new Log(
              res("shop", "other-1"),
              "other",
              Instant.now(),
              "",
              "",
              "INFO",
              9,
              "filtered out",
              Map.of()));
      new TelemetryWriter(ch.gateway(), ch.layout()).write(b);
      JsonNode e = s.next(20);
      assertThat(e).as("no watch event arrived").isNotNull();
      assertThat(e.path("type").asText()).isEqualTo("ADDED");
      assertThat(e.path("object").path("rows").get(0).path("cells").get(4).asText())
          .isEqualTo("arrived while watching");
      assertThat(s.next(2)).isNull();
    }
  }

  @Test
  void queriesRunAgainstClickHouse() {
    Reply r =
        server.post(
            BASE + "/namespaces/shop/queries",
            "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\","
                + "\"metadata\":{\"name\":\"mem\"},\"spec\":{\"signal\":\"metrics\","
                + "\"metric\":\"process.memory.usage\",\"aggregation\":\"max\","
                + "\"groupBy\":[\"service\"],\"range\":\"30m\",\"step\":\"1m\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode series = r.json().path("status").path("series");
    Set<String> services = new HashSet<>();
    series.forEach(s -> services.add(s.path("labels").path("service").asText()));
    assertThat(services).containsExactlyInAnyOrder("checkout", "cart");
    assertThat(r.body()).doesNotContain("9000");
  }

  @Test
  void storageOutageIs503WithoutRetryAfter() {
    Reply r = down.get(BASE + "/namespaces/shop/metrics", TABLE_ACCEPT);
    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(r.json().path("reason").asText()).isEqualTo("ServiceUnavailable");
    assertThat(r.retryAfter()).isNull();
  }
}
