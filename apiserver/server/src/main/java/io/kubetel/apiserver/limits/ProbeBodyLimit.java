package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.AuthenticationHandler;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The body limit that applies before authentication: only on the anonymous probe paths, which
 * anyone can reach. A larger declared body (or a chunked one) is a 413 Status and the body is never
 * read. Every other path checks its (larger) body limit after authentication, so an anonymous
 * client cannot make the server buffer a body.
 */
public final class ProbeBodyLimit implements Handler<RoutingContext> {
  private final long maxBytes;

  public ProbeBodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void handle(RoutingContext context) {
    if (!AuthenticationHandler.ANONYMOUS_PATHS.contains(context.normalizedPath())) {
      context.next();
      return;
    }
    String length = context.request().getHeader("Content-Length");
    boolean chunked = context.request().getHeader("Transfer-Encoding") != null;
    long declared;
    try {
      declared = length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      declared = Long.MAX_VALUE;
    }
    if (chunked || declared > maxBytes) {
      context.fail(
          new ApiException(
              413,
              "RequestEntityTooLarge",
              "probe requests carry no body (at most " + maxBytes + " bytes)"));
      return;
    }
    context.next();
  }
}
