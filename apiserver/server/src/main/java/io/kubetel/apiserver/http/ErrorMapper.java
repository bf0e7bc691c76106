package io.kubetel.apiserver.http;

import com.fasterxml.jackson.core.JacksonException;
import io.kubetel.apiserver.security.AuthenticationException;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;

/**
 * Maps any failure (a thrown exception or a bare Vert.x status code) to the {@link ApiException}
 * the client sees. Only exceptions whose message is written for users pass their message through;
 * anything unexpected becomes a generic 500 so internals never leak.
 */
final class ErrorMapper {
  static final String INTERNAL_MESSAGE = "an internal error occurred; see the server log";

  private ErrorMapper() {}

  /**
   * @param failure what failed the request, or null
   * @param statusCode the code Vert.x assigned when {@code failure} is null (e.g. 404, 413)
   */
  static ApiException map(Throwable failure, int statusCode) {
    if (failure == null) {
      return fromCode(statusCode);
    }
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof AuthenticationException e) {
      return new ApiException(401, "Unauthorized", "Unauthorized: " + e.getMessage());
    }
    if (cause instanceof InvalidInputException e) {
      return ApiException.badRequest(e.getMessage());
    }
    if (cause instanceof StoreLimitException e) {
      return e.limit() == StoreLimitException.Limit.EXECUTION_TIME
          ? new ApiException(504, "Timeout", e.getMessage())
          : ApiException.badRequest(e.getMessage());
    }
    if (cause instanceof StoreUnavailableException) {
      // No Retry-After: kubectl would silently retry for ~10 s on an outage.
      return ApiException.unavailable("telemetry storage is unavailable");
    }
    if (cause instanceof DecodeException || cause instanceof JacksonException) {
      return ApiException.badRequest("request body is not valid JSON");
    }
    if (cause instanceof HttpException http) {
      return fromCode(http.getStatusCode());
    }
    return internal();
  }

  /** Whether {@code failure} is one the server did not anticipate (logged with its stack). */
  static boolean isUnexpected(Throwable failure) {
    if (failure == null) {
      return false;
    }
    Throwable cause = unwrap(failure);
    return !(cause instanceof ApiException
        || cause instanceof AuthenticationException
        || cause instanceof InvalidInputException
        || cause instanceof StoreLimitException
        || cause instanceof StoreUnavailableException
        || cause instanceof DecodeException
        || cause instanceof JacksonException
        || cause instanceof HttpException);
  }

  /** Whether {@code failure} came from storage (counted as a store error). */
  static boolean isStoreError(Throwable failure) {
    Throwable cause = failure == null ? null : unwrap(failure);
    return cause instanceof StoreUnavailableException || cause instanceof StoreLimitException;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static ApiException internal() {
    return new ApiException(500, "InternalError", INTERNAL_MESSAGE);
  }

  private static ApiException fromCode(int code) {
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
      default -> internal();
    };
  }
}
