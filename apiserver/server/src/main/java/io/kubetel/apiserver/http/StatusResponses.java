package io.kubetel.apiserver.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.model.json.Json;
import io.vertx.core.http.HttpServerResponse;

/**
 * Renders a Kubernetes {@code Status} (kind Status, apiVersion v1, status Failure) — the one error
 * body format clients of this server ever see, in responses and in watch ERROR events.
 */
public final class StatusResponses {
  private static final ObjectMapper MAPPER = Json.mapper();

  private StatusResponses() {}

  /** The Status document for {@code error}. */
  public static ObjectNode status(ApiException error) {
    ObjectNode status = MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", error.getMessage() == null ? error.reason() : error.getMessage());
    status.put("reason", error.reason());
    if (error.code() == 422) {
      invalidDetails(status, error);
    } else if (error.kind() != null || error.name() != null) {
      ObjectNode details = status.putObject("details");
      if (error.name() != null) {
        details.put("name", error.name());
      }
      details.put("group", TelemetryApiGroup.GROUP);
      if (error.kind() != null) {
        details.put("kind", error.kind());
      }
    }
    status.put("code", error.code());
    return status;
  }

  /**
   * kubectl prints an Invalid Status as {@code The <kind> "<name>" is invalid} followed by
   * details.causes, and drops the message when kind or name is set without causes. So: with a name,
   * the message is repeated as a cause; without one, details carry only the group and kubectl
   * prints {@code The request is invalid: <message>}.
   */
  private static void invalidDetails(ObjectNode status, ApiException error) {
    ObjectNode details = status.putObject("details");
    details.put("group", TelemetryApiGroup.GROUP);
    if (error.name() != null) {
      details.put("name", error.name());
      if (error.kind() != null) {
        details.put("kind", error.kind());
      }
      if (error instanceof InvalidObjectException invalid) {
        ArrayNode causes = details.putArray("causes");
        for (InvalidObjectException.Cause c : invalid.causes()) {
          causes
              .addObject()
              .put("reason", "FieldValueInvalid")
              .put("message", c.message())
              .put("field", c.field());
        }
        return;
      }
      ObjectNode cause = details.putArray("causes").addObject();
      cause.put("reason", "FieldValueInvalid");
      cause.put("message", status.get("message").asText());
    }
  }

  /** Writes {@code error} as the response (status code, JSON content type, Status body). */
  public static void write(HttpServerResponse response, ApiException error) {
    if (error.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }
    response
        .setStatusCode(error.code())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(status(error).toString());
  }
}
