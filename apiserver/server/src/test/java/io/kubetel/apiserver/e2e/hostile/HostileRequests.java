package io.kubetel.apiserver.e2e.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The hostile-input matrix: every input field a client controls (selector keys and values per
 * resource, name, namespace, continue token, limit, window parameters, resourceVersion, and every
 * field of a TelemetryQuery) × every attack class of {@link AttackValues}, plus raw JSON bodies
 * nested thousands deep. The caller's scope is namespace {@code shop}.
 */
public final class HostileRequests {
  static final String GROUP = "/apis/telemetry.kubetel.io/v1alpha1";
  static final String SHOP = GROUP + "/namespaces/shop";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Query fields where a value can only select: a successful answer must hold no series. */
  private static final java.util.Set<String> MATCH_ONLY =
      java.util.Set.of(
          "spec.metric",
          "spec.filters.values",
          "spec.filters.in",
          "spec.filters.key",
          "spec.logs.filters.values");

  private HostileRequests() {}

  /** A GET-based field: builds the path for a value; whether a match must be empty. */
  private record GetField(String name, Function<String, String> path, boolean expectNothing) {}

  /** A query-body field: sets the value into a valid query spec. */
  private record QueryField(String name, java.util.function.BiConsumer<ObjectNode, String> set) {}

  /** Every request of the suite, with {@code generatedPerField} generated values per field. */
  public static List<HostileRequest> all(int generatedPerField) {
    Map<String, List<String>> attacks = new LinkedHashMap<>(AttackValues.handWritten());
    attacks.put("generated", AttackValues.generated(20261201L, generatedPerField));
    List<HostileRequest> requests = new ArrayList<>();
    for (GetField f : getFields()) {
      attacks.forEach(
          (attack, values) ->
              values.forEach(
                  v ->
                      requests.add(
                          new HostileRequest(
                              f.name(),
                              attack,
                              "GET",
                              f.path().apply(v),
                              null,
                              f.expectNothing()))));
    }
    for (QueryField f : queryFields()) {
      attacks.forEach(
          (attack, values) ->
              values.forEach(
                  v -> {
                    ObjectNode body = validQuery();
                    f.set().accept(body, v);
                    boolean nothing = MATCH_ONLY.contains(f.name());
                    requests.add(
                        new HostileRequest(
                            f.name(), attack, "POST", SHOP + "/queries", body.toString(), nothing));
                  }));
    }
    for (String raw : nestedBodies()) {
      requests.add(
          new HostileRequest("body", "deep-nesting", "POST", SHOP + "/queries", raw, true));
    }
    return requests;
  }

  private static List<GetField> getFields() {
    return List.of(
        new GetField(
            "labelSelector.value", v -> SHOP + "/logs?labelSelector=" + q("service=" + v), true),
        new GetField(
            "labelSelector.in",
            v -> SHOP + "/metrics?labelSelector=" + q("service in (" + v + ")"),
            true),
        new GetField("labelSelector.key", v -> SHOP + "/traces?labelSelector=" + q(v + "=x"), true),
        new GetField(
            "fieldSelector.service", v -> SHOP + "/logs?fieldSelector=" + q("service=" + v), true),
        new GetField(
            "fieldSelector.metric", v -> SHOP + "/metrics?fieldSelector=" + q("metric=" + v), true),
        new GetField(
            "fieldSelector.name",
            v -> SHOP + "/traces?fieldSelector=" + q("metadata.name=" + v),
            true),
        new GetField("fieldSelector.key", v -> SHOP + "/logs?fieldSelector=" + q(v + "=x"), true),
        new GetField("name.logs", v -> SHOP + "/logs/" + segment(v), true),
        new GetField("name.metrics", v -> SHOP + "/metrics/" + segment(v), true),
        new GetField("name.traces", v -> SHOP + "/traces/" + segment(v), true),
        new GetField("namespace", v -> GROUP + "/namespaces/" + segment(v) + "/logs", true),
        new GetField("continue", v -> SHOP + "/logs?limit=1&continue=" + q(v), false),
        new GetField("limit", v -> SHOP + "/metrics?limit=" + q(v), false),
        new GetField("window", v -> SHOP + "/metrics?window=" + q(v), false),
        new GetField("start", v -> SHOP + "/logs?start=" + q(v), false),
        new GetField("resourceVersion", v -> SHOP + "/logs?resourceVersion=" + q(v), false));
  }

  private static List<QueryField> queryFields() {
    return List.of(
        new QueryField("metadata.name", (b, v) -> ((ObjectNode) b.get("metadata")).put("name", v)),
        new QueryField("spec.metric", (b, v) -> spec(b).put("metric", v)),
        new QueryField("spec.filters.values", (b, v) -> filter(b, "service", "Equals", v)),
        new QueryField("spec.filters.in", (b, v) -> filter(b, "service", "In", v)),
        new QueryField("spec.filters.key", (b, v) -> filter(b, v, "Equals", "checkout")),
        new QueryField("spec.groupBy", (b, v) -> spec(b).putArray("groupBy").add(v)),
        new QueryField("spec.step", (b, v) -> spec(b).put("step", v)),
        new QueryField("spec.range", (b, v) -> spec(b).put("range", v)),
        new QueryField("spec.aggregation", (b, v) -> spec(b).put("aggregation", v)),
        new QueryField(
            "spec.logs.filters.values",
            (b, v) -> {
              spec(b).put("signal", "logs").remove("metric");
              spec(b).put("aggregation", "count");
              filter(b, "severity", "Equals", v);
            }));
  }

  /** A query that is valid and finds data, before one field is replaced by a hostile value. */
  private static ObjectNode validQuery() {
    ObjectNode body = JSON.createObjectNode();
    body.put("apiVersion", "telemetry.kubetel.io/v1alpha1").put("kind", "TelemetryQuery");
    body.putObject("metadata").put("generateName", "hostile-");
    ObjectNode spec = body.putObject("spec");
    spec.put("signal", "metrics").put("metric", "http.server.requests").put("aggregation", "sum");
    spec.put("range", "1h").put("step", "5m");
    return body;
  }

  private static ObjectNode spec(ObjectNode body) {
    return (ObjectNode) body.get("spec");
  }

  private static void filter(ObjectNode body, String key, String operator, String value) {
    ArrayNode filters = spec(body).putArray("filters");
    ObjectNode f = filters.addObject().put("key", key).put("operator", operator);
    f.putArray("values").add(value);
  }

  /** Raw bodies whose JSON nests thousands deep, in every place a query has structure. */
  private static List<String> nestedBodies() {
    String prefix =
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\",";
    List<String> bodies = new ArrayList<>();
    for (int depth : new int[] {100, 2_000, 20_000}) {
      String arrays = "[".repeat(depth) + "]".repeat(depth);
      String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      bodies.add(prefix + "\"metadata\":{\"name\":\"q\"},\"spec\":{\"filters\":" + arrays + "}}");
      bodies.add(prefix + "\"metadata\":{\"name\":\"q\"},\"spec\":{\"metric\":" + objects + "}}");
      bodies.add(prefix + "\"metadata\":" + objects + ",\"spec\":{}}");
      bodies.add(prefix + "\"metadata\":{\"labels\":" + arrays + "},\"spec\":{}}");
      bodies.add("[".repeat(depth));
    }
    return bodies;
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String segment(String value) {
    return q(value).replace("+", "%20");
  }
}
