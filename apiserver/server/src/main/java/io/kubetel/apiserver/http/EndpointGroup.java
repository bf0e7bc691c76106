package io.kubetel.apiserver.http;

import io.vertx.ext.web.Router;

/**
 * A set of non-resource endpoints (discovery, OpenAPI, health, metrics) that registers its routes
 * on the API router, after authentication and before the not-found fallback.
 */
public interface EndpointGroup {

  /** Adds this group's routes to {@code router}. */
  void register(Router router);

  /** Handler that labels the request for the access log and metrics, then continues. */
  static io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> label(String resource) {
    return context -> {
      context.put(RequestAttributes.RESOURCE, resource);
      context.next();
    };
  }
}
