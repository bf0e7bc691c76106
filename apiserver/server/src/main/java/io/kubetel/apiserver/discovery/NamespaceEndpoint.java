package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.selection.ValueRules;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /api/v1/namespaces/<name>} for clients that talk to this server directly
 * (standalone mode, port-forward): after a 404 on a named get in a namespace other than {@code
 * default}, kubectl looks the namespace up and, when that lookup is a 404 too, prints the lookup's
 * error instead of the server's ("the server could not find the requested resource" instead of
 * {@code metrics "x" not found}). Telemetry namespaces are the telemetry's {@code
 * k8s.namespace.name}, so every valid name is reported as an active namespace. Behind
 * kube-apiserver the real core API answers this path and this route is never reached. {@code /api}
 * still lists no core version, so discovery does not claim core resources.
 */
public final class NamespaceEndpoint implements EndpointGroup {

  @Override
  public void register(Router router) {
    router
        .get("/api/v1/namespaces/:name")
        .handler(EndpointGroup.label("namespaces"))
        .handler(this::get);
  }

  private void get(RoutingContext context) {
    String name = context.pathParam("name");
    if (ValueRules.NAMESPACE.problem(name).isPresent()) {
      context.fail(ApiException.notFound("namespaces", name));
      return;
    }
    ObjectNode namespace = ApiJson.MAPPER.createObjectNode();
    namespace.put("kind", "Namespace").put("apiVersion", "v1");
    namespace.putObject("metadata").put("name", name);
    namespace.putObject("status").put("phase", "Active");
    context
        .response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(namespace.toString());
  }
}
