package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.StatusResponses;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * The connection-level bounds: idle timeout, request line and header sizes, applied to the server
 * options, and an answer for requests the HTTP decoder rejects (too long, malformed) that is a
 * Kubernetes Status rather than Vert.x's empty 414/431/400.
 */
public final class HttpLimits {
  private HttpLimits() {}

  /** Applies the idle timeout and the line and header limits to {@code options}. */
  public static HttpServerOptions apply(HttpServerOptions options, ServerLimits limits) {
    return options
        .setIdleTimeout((int) limits.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(limits.maxUrlBytes())
        .setMaxHeaderSize(limits.maxHeaderBytes());
  }

  /** Makes {@code server} answer requests its decoder rejected with a Status. */
  public static HttpServer answerInvalidWithStatus(HttpServer server, ServerLimits limits) {
    return server.invalidRequestHandler(request -> reject(request, limits));
  }

  private static void reject(HttpServerRequest request, ServerLimits limits) {
    Throwable cause = request.decoderResult().cause();
    ApiException error;
    if (cause instanceof TooLongHttpLineException) {
      error =
          new ApiException(
              414,
              "RequestURITooLong",
              "the request URL is longer than "
                  + limits.maxUrlBytes()
                  + " bytes (--max-url-bytes); shorten the selectors");
    } else if (cause instanceof TooLongHttpHeaderException) {
      error =
          new ApiException(
              431,
              "RequestHeaderFieldsTooLarge",
              "the request headers are larger than "
                  + limits.maxHeaderBytes()
                  + " bytes (--max-header-bytes)");
    } else {
      error = ApiException.badRequest("the request is not valid HTTP");
    }
    // The connection's decoder state is unknown after this: close it once answered.
    request.response().putHeader("Connection", "close");
    StatusResponses.write(request.response(), error);
  }
}
