package io.kubetel.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kubetel.model.json.Json;
import io.vertx.core.http.HttpServerResponse;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a Kubernetes {@code Status} (kind Status, apiVersion v1, status Failure) — the one error
 * body format clients of this server ever see, in responses and in watch ERROR events.
 */
public final class StatusResponses {
  private static final ObjectMapper MAPPER = Json.mapper();

  private StatusResponses() {}

  /** The typed Status for {@code error}. */
  public static Status typed(ApiException error) {
    Status status = new Status();
    status.setKind("Status");
    status.setApiVersion("v1");
    status.setMetadata(new ListMeta());
    status.setStatus("Failure");
    status.setMessage(error.getMessage() == null ? error.reason() : error.getMessage());
    status.setReason(error.reason());
    status.setCode(error.code());
    if (error.code() == 422) {
      status.setDetails(invalidDetails(error, status.getMessage()));
    } else if (error.kind() != null || error.name() != null || error.retryAfterSeconds() != null) {
      StatusDetails details = new StatusDetails();
      details.setName(error.name());
      details.setGroup(error.group());
      details.setKind(error.kind());
      details.setRetryAfterSeconds(error.retryAfterSeconds());
      status.setDetails(details);
    }
    return status;
  }

  /**
   * kubectl prints an Invalid Status as {@code The <kind> "<name>" is invalid} followed by
   * details.causes, and drops the message when kind or name is set without causes. So: with a name,
   * the problems (or the message) are the causes; without one, details carry only the group and
   * kubectl prints {@code The request is invalid: <message>}.
   */
  private static StatusDetails invalidDetails(ApiException error, String message) {
    StatusDetails details = new StatusDetails();
    details.setGroup(error.group());
    if (error.name() == null) {
      return details;
    }
    details.setName(error.name());
    details.setKind(error.kind());
    List<StatusCause> causes =
        error instanceof InvalidObjectException invalid
            ? invalid.causes().stream().map(c -> cause(c.field(), c.message())).toList()
            : List.of(cause(null, message));
    details.setCauses(causes);
    return details;
  }

  private static StatusCause cause(String field, String message) {
    StatusCause cause = new StatusCause();
    cause.setReason("FieldValueInvalid");
    cause.setMessage(message);
    cause.setField(field);
    return cause;
  }

  /** The Status JSON of {@code error} (for answers written below Vert.x's HTTP layer). */
  public static String json(ApiException error) {
    try {
      return MAPPER.writeValueAsString(typed(error));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code error} as the response (status code, JSON content type, Status body). */
  public static void write(HttpServerResponse response, ApiException error) {
    if (error.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }
    String body = json(error);
    response
        .setStatusCode(error.code())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
