package io.kubetel.apiserver.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's failure handler: renders every failure as a Kubernetes Status with the right HTTP
 * code. Unexpected exceptions are logged once (with their stack, server-side only) and answered
 * with a generic 500 InternalError.
 */
public final class ApiFailureHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(ApiFailureHandler.class);

  private final RequestMetrics metrics;

  public ApiFailureHandler(RequestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext context) {
    Throwable failure = context.failure();
    if (ErrorMapper.isUnexpected(failure)) {
      log.error(
          "event=request_failed method={} path={} error={}",
          context.request().method(),
          context.request().path(),
          failure.getClass().getName(),
          failure);
    }
    ApiException error = ErrorMapper.map(failure, context.statusCode());
    // Handlers usually map storage failures to 503/504 themselves; count both forms.
    boolean resourceRequest = Boolean.TRUE.equals(context.get(RequestAttributes.RESOURCE_REQUEST));
    if (ErrorMapper.isStoreError(failure)
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
