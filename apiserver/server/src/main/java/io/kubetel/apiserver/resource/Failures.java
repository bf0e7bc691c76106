package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure of a telemetry request to the {@link ApiException} the client sees: storage
 * down is 503 (without Retry-After, so kubectl fails fast), a storage bound is 400 (or 504 for
 * execution time) with advice, anything unexpected is a generic 500 plus one log line with the
 * cause. Stack traces never reach clients.
 */
public final class Failures {
  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  public static ApiException toApi(Throwable failure, String resource) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof StoreUnavailableException e) {
      log.warn("event=store_unavailable resource={} message=\"{}\"", resource, e.getMessage());
      // The cause (hosts, ports) goes to the log only.
      return ApiException.unavailable(
          "telemetry storage is unavailable; try again later or ask your administrator to check"
              + " the kubetel API server's ClickHouse connection");
    }
    if (t instanceof StoreLimitException e) {
      log.info("event=store_limit resource={} limit={}", resource, e.limit());
      String advice =
          " Narrow the time window (window=, start=, end= in --field-selector) or add label/field"
              + " selectors.";
      if (e.limit() == StoreLimitException.Limit.EXECUTION_TIME) {
        return new ApiException(504, "Timeout", e.getMessage() + advice);
      }
      return ApiException.badRequest(e.getMessage() + advice);
    }
    if (t instanceof InvalidQueryException e) {
      return new ApiException(
          422, "Invalid", "query is invalid: " + e.getMessage(), resource, null);
    }
    if (t instanceof InvalidInputException e) {
      // A request parameter or selector (parsers throw no HTTP types).
      return ApiException.badRequest(e.getMessage());
    }
    log.error("event=request_failed resource={} error={}", resource, t.toString(), t);
    return new ApiException(
        500,
        "InternalError",
        "an internal error occurred while serving " + resource + "; the server log has details");
  }
}
