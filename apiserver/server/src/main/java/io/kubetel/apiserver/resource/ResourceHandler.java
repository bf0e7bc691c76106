package io.kubetel.apiserver.resource;

import io.vertx.ext.web.RoutingContext;

/**
 * Serves one resource's requests (list, get, watch, create).
 *
 * <p>The router mounts it on {@code /apis/<group>/<version>/<plural>}, {@code .../<plural>/:name},
 * {@code .../namespaces/:namespace/<plural>} and {@code .../namespaces/:namespace/<plural>/:name}
 * (namespaced resources only) after authentication. Path parameters {@code namespace} and {@code
 * name} are present when in the path. Errors are reported by failing the context with an {@link
 * io.kubetel.apiserver.http.ApiException}; the router's failure handler turns every failure into a
 * Kubernetes {@code Status}. Handlers never block the event loop: storage calls run on the worker
 * executor handed to them.
 */
public interface ResourceHandler {

  /** What discovery and OpenAPI publish about this resource. */
  ResourceInfo info();

  /** Handles one request routed to this resource. */
  void handle(RoutingContext context);
}
