package io.kubetel.apiserver.http;

import com.fasterxml.jackson.core.JacksonException;
import io.kubetel.apiserver.security.AuthenticationException;
import io.kubetel.apiserver.security.ReviewUnavailableException;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.problem.MalformedInputException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from a failure to the {@link ApiException} (and so the {@code Status}) a client
 * sees, used by the router's failure handler, every resource handler and watch streams. The table
 * is documented in {@code docs/api-resources.md} ("Errors").
 *
 * <p>Only messages written for users pass through; storage causes (hosts, SQL) and stack traces go
 * to the log only, and anything unexpected is a generic 500 with one {@code event=request_failed}
 * log line carrying the cause.
 */
public final class StatusMapper {
  private static final Logger log = LoggerFactory.getLogger(StatusMapper.class);

  static final String STORE_UNAVAILABLE =
      "telemetry storage is unavailable; try again later or ask your administrator to check the"
          + " kubetel API server's ClickHouse connection";
  static final String NARROW_ADVICE =
      " Narrow the time window (window=, start=, end= in --field-selector) or add label/field"
          + " selectors.";

  /** Seconds a client waits after ClickHouse refused one more concurrent query of its tenant. */
  static final int CONCURRENT_QUERIES_RETRY_AFTER = 1;

  private StatusMapper() {}

  /** The error to answer for {@code failure}, which happened while doing {@code operation}. */
  public static ApiException map(Throwable failure, Operation operation) {
    Throwable cause = unwrap(failure);
    ApiException mapped = mapUnwrapped(cause, operation);
    if (mapped != cause && mapped.getCause() == null) {
      // Kept server-side only: lets metrics tell storage failures apart (never rendered).
      mapped.initCause(cause);
    }
    return mapped;
  }

  private static ApiException mapUnwrapped(Throwable cause, Operation operation) {
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof ReviewUnavailableException e) {
      // kube-apiserver answers a failing authorizer with 500 (its authorization filter).
      return new ApiException(500, "InternalError", e.getMessage());
    }
    if (cause instanceof AuthenticationException e) {
      return new ApiException(401, "Unauthorized", "Unauthorized: " + e.getMessage());
    }
    if (cause instanceof InvalidInputException e) {
      return operation.creates()
          ? new InvalidObjectException(operation.objectKind(), operation.objectName(), e.problems())
          : ApiException.badRequest(e.getMessage());
    }
    if (cause instanceof MalformedInputException e) {
      return ApiException.badRequest(e.getMessage());
    }
    if (cause instanceof StoreLimitException e) {
      log.info("event=store_limit resource={} limit={}", operation.resource(), e.limit());
      if (e.limit() == StoreLimitException.Limit.CONCURRENT_QUERIES) {
        // A quota, like the per-replica one: 429 with Retry-After, so kubectl retries by itself.
        return ApiException.tooManyRequests(e.getMessage(), CONCURRENT_QUERIES_RETRY_AFTER);
      }
      String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
      return e.limit() == StoreLimitException.Limit.EXECUTION_TIME
          ? new ApiException(504, "Timeout", message + NARROW_ADVICE)
          : ApiException.badRequest(message + NARROW_ADVICE);
    }
    if (cause instanceof StoreUnavailableException e) {
      log.warn(
          "event=store_unavailable resource={} message=\"{}\"",
          operation.resource(),
          e.getMessage());
      // No Retry-After: kubectl would silently retry for ~10 s on an outage.
      return ApiException.unavailable(STORE_UNAVAILABLE);
    }
    if (cause instanceof StoreSchemaException e) {
      log.warn(
          "event=store_schema resource={} problem={} message=\"{}\"",
          operation.resource(),
          e.problem(),
          e.getMessage());
      // Written for users and naming table and column: a missing table may appear later (503), a
      // table of an unreadable shape needs an administrator (500).
      return e.problem() == StoreSchemaException.Problem.MISSING_TABLE
          ? ApiException.unavailable(e.getMessage())
          : new ApiException(500, "InternalError", e.getMessage());
    }
    if (cause instanceof DecodeException || cause instanceof JacksonException) {
      return ApiException.badRequest("request body is not valid JSON");
    }
    if (cause instanceof HttpException http) {
      return fromCode(http.getStatusCode());
    }
    log.error(
        "event=request_failed resource={} error={}",
        operation.resource(),
        cause.getClass().getName(),
        cause);
    return internal(operation.resource());
  }

  /** Whether {@code failure} (or what it was mapped from) came from storage. */
  static boolean isStoreError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreUnavailableException
          || t instanceof StoreLimitException
          || t instanceof StoreSchemaException) {
        return true;
      }
    }
    return false;
  }

  /** The error for a request Vert.x failed with a bare status code (e.g. 404, 413). */
  static ApiException fromCode(int code) {
    return switch (code) {
      case 400 -> ApiException.badRequest("the request is malformed");
      case 401 -> new ApiException(401, "Unauthorized", "Unauthorized");
      case 403 -> new ApiException(403, "Forbidden", "forbidden");
      case 404 ->
          new ApiException(404, "NotFound", "the server could not find the requested resource");
      case 405 ->
          new ApiException(
              405,
              "MethodNotAllowed",
              "the server does not allow this method on the requested resource");
      case 406 ->
          new ApiException(406, "NotAcceptable", "the requested media type is not supported");
      case 413 -> new ApiException(413, "RequestEntityTooLarge", "the request body is too large");
      case 415 ->
          new ApiException(
              415, "UnsupportedMediaType", "the request body media type is not supported");
      case 503 ->
          ApiException.unavailable("the server is temporarily unable to handle the request");
      default -> internal(null);
    };
  }

  private static ApiException internal(String resource) {
    String where = resource == null ? "" : " while serving " + resource;
    return new ApiException(
        500,
        "InternalError",
        "an internal error occurred" + where + "; the server log has details");
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
