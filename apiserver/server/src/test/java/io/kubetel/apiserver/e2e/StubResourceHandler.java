package io.kubetel.apiserver.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.TelemetryApiGroup;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Test-only handler that answers every list with an empty list and every get with NotFound, for
 * platform e2e tests on a branch without the real resource handlers. Its {@link ResourceInfo}s
 * mirror the served resources (names, scope, verbs, categories, a described schema).
 */
final class StubResourceHandler implements ResourceHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ResourceInfo info;

  StubResourceHandler(ResourceInfo info) {
    this.info = info;
  }

  /** Handlers for metrics, traces, logs and queries. */
  static List<ResourceHandler> all() {
    return List.of(
        new StubResourceHandler(
            info("metrics", "metric", "Metric", List.of("met"), List.of("get", "list", "watch"))),
        new StubResourceHandler(
            info("traces", "trace", "Trace", List.of("tr"), List.of("get", "list", "watch"))),
        new StubResourceHandler(
            info("logs", "log", "Log", List.of("lg"), List.of("get", "list", "watch"))),
        new StubResourceHandler(
            info("queries", "telemetryquery", "TelemetryQuery", List.of("tq"), List.of("create"))));
    // queries is create-only: in category "telemetry" it would make `kubectl get telemetry` fail
    // with MethodNotAllowed (kubectl expands categories without looking at verbs).
  }

  private static ResourceInfo info(
      String plural, String singular, String kind, List<String> shortNames, List<String> verbs) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("description", kind + " read from the telemetry store.");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ObjectNode status = properties.putObject("status");
    status.put("description", "Observed " + singular + " data.");
    status.put("type", "object");
    ObjectNode service = status.putObject("properties").putObject("serviceName");
    service.put("description", "Service that emitted the " + singular + ".");
    service.put("type", "string");
    List<String> categories = verbs.contains("list") ? List.of("telemetry") : List.of();
    return new ResourceInfo(plural, singular, kind, shortNames, true, verbs, categories, schema);
  }

  @Override
  public ResourceInfo info() {
    return info;
  }

  @Override
  public void handle(RoutingContext context) {
    String name = context.pathParam("name");
    if (name != null) {
      context.fail(ApiException.notFound(info.plural(), name));
      return;
    }
    ObjectNode list = MAPPER.createObjectNode();
    list.put("kind", info.listKind());
    list.put("apiVersion", TelemetryApiGroup.API_VERSION);
    list.putObject("metadata").put("resourceVersion", "0");
    list.putArray("items");
    context.response().putHeader("Content-Type", "application/json").end(list.toString());
  }
}
