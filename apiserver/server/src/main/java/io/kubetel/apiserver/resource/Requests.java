package io.kubetel.apiserver.resource;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Small helpers for reading requests and writing JSON responses. */
public final class Requests {
  private Requests() {}

  /** Query parameters, first value of each. */
  public static Map<String, String> params(RoutingContext context) {
    MultiMap all = context.queryParams();
    Map<String, String> first = new HashMap<>();
    for (String name : all.names()) {
      first.put(name, all.get(name));
    }
    return first;
  }

  /** The {@code namespace} path parameter, if the route has one. */
  public static Optional<String> namespace(RoutingContext context) {
    String ns = context.pathParam("namespace");
    return ns == null || ns.isEmpty() ? Optional.empty() : Optional.of(ns);
  }

  /** Ends the request with an already serialized JSON body, unless the client went away. */
  public static void respond(RoutingContext context, int status, String contentType, String body) {
    var response = context.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }
}
