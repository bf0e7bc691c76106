package io.kubetel.apiserver.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The router's failure handler: renders every failure as a Kubernetes Status, mapped by {@link
 * StatusMapper} (which logs unexpected exceptions once, with their stack, server-side only).
 */
public record ApiFailureHandler(RequestMetrics metrics) implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext context) {
    Throwable failure = context.failure();
    String resource = context.get(RequestAttributes.RESOURCE);
    ApiException error =
        failure == null
            ? StatusMapper.fromCode(context.statusCode())
            : StatusMapper.map(
                failure, Operation.read(resource != null ? resource : context.normalizedPath()));
    // Storage failures are counted whether a handler or this handler mapped them.
    boolean resourceRequest = Boolean.TRUE.equals(context.get(RequestAttributes.RESOURCE_REQUEST));
    if (StatusMapper.isStoreError(error)
        || (resourceRequest && (error.code() == 503 || error.code() == 504))) {
      metrics.storeError();
    }
    HttpServerResponse response = context.response();
    if (response.headWritten()) {
      // A streaming response (watch) already started: the status cannot change, end the stream.
      if (!response.ended()) {
        response.end();
      }
      return;
    }
    StatusResponses.write(response, error);
  }
}
