package io.kubetel.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.security.AuthenticationException;
import io.kubetel.model.json.Json;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.problem.MalformedInputException;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreLimitException.Limit;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the one failure → Status table (the "Errors" table of docs/api-resources.md): code, reason
 * and message for every row, as the client receives them.
 */
class StatusMapperTest {
  private static final Operation READ = Operation.read("metrics");
  private static final Operation CREATE = Operation.create("queries", "TelemetryQuery", "q1");
  private static final String HOST = "clickhouse-0.db.internal:8123";

  static Stream<Arguments> table() {
    return Stream.of(
        row(
            new InvalidInputException("limit 0 must be from 1 to 10000"),
            READ,
            400,
            "BadRequest",
            "limit 0 must be from 1 to 10000"),
        row(
            new InvalidQueryException("spec.metric: no data for metric x"),
            READ,
            400,
            "BadRequest",
            "spec.metric: no data for metric x"),
        row(
            new InvalidQueryException("spec.metric: no data for metric x"),
            CREATE,
            422,
            "Invalid",
            "TelemetryQuery \"q1\" is invalid: spec.metric: no data for metric x"),
        row(
            new MalformedInputException("kind \"Pod\" must be TelemetryQuery"),
            CREATE,
            400,
            "BadRequest",
            "kind \"Pod\" must be TelemetryQuery"),
        row(
            new StoreLimitException(Limit.ROWS_READ, "the query would read too many rows", null),
            READ,
            400,
            "BadRequest",
            "too many rows. Narrow the time window"),
        row(
            new StoreLimitException(Limit.RESULT_ROWS, "the result has too many rows", null),
            CREATE,
            400,
            "BadRequest",
            "too many rows. Narrow the time window"),
        row(
            new StoreLimitException(Limit.RESPONSE_BYTES, "the storage answer is too large", null),
            READ,
            400,
            "BadRequest",
            "the storage answer is too large. Narrow the time window"),
        row(
            new StoreLimitException(Limit.EXECUTION_TIME, "the query took too long", null),
            READ,
            504,
            "Timeout",
            "the query took too long. Narrow the time window"),
        row(
            // ClickHouse's Code 202: the tenant's max_concurrent_queries_for_user, shared by every
            // API server replica.
            new StoreLimitException(
                Limit.CONCURRENT_QUERIES,
                "ClickHouse already runs as many queries of this user as it allows; retry shortly",
                null),
            READ,
            429,
            "TooManyRequests",
            "as many queries of this user as it allows; retry shortly"),
        row(
            new StoreUnavailableException(
                "ClickHouse is unreachable: " + HOST, new ConnectException(HOST)),
            READ,
            503,
            "ServiceUnavailable",
            "telemetry storage is unavailable"),
        row(
            new StoreSchemaException(
                StoreSchemaException.Problem.MISSING_TABLE,
                "telemetry table otel.otel_logs does not exist: the OpenTelemetry exporter creates"
                    + " it"),
            READ,
            503,
            "ServiceUnavailable",
            "telemetry table otel.otel_logs does not exist"),
        row(
            new StoreSchemaException(
                StoreSchemaException.Problem.UNSUPPORTED_COLUMN,
                "kubetel reads attribute columns of type Map only, but otel_logs.LogAttributes is"
                    + " JSON"),
            READ,
            500,
            "InternalError",
            "otel_logs.LogAttributes is JSON"),
        row(
            new DecodeException("Unexpected character at " + HOST),
            CREATE,
            400,
            "BadRequest",
            "request body is not valid JSON"),
        row(
            new JsonParseException(null, "Unexpected end"),
            READ,
            400,
            "BadRequest",
            "request body is not valid JSON"),
        row(
            new AuthenticationException("certificate expired"),
            READ,
            401,
            "Unauthorized",
            "Unauthorized: certificate expired"),
        row(new HttpException(413), READ, 413, "RequestEntityTooLarge", "too large"),
        row(new HttpException(415), READ, 415, "UnsupportedMediaType", "media type"),
        row(new HttpException(405), READ, 405, "MethodNotAllowed", "does not allow"),
        row(new HttpException(406), READ, 406, "NotAcceptable", "media type"),
        row(new HttpException(404), READ, 404, "NotFound", "could not find"),
        row(new HttpException(403), READ, 403, "Forbidden", "forbidden"),
        row(new HttpException(400), READ, 400, "BadRequest", "malformed"),
        row(new HttpException(503), READ, 503, "ServiceUnavailable", "temporarily unable"),
        row(new HttpException(418), READ, 500, "InternalError", "internal error"),
        row(
            new ApiException(410, "Expired", "continue token expired"),
            READ,
            410,
            "Expired",
            "continue token expired"),
        row(
            ApiException.tooManyRequests("quota exceeded", 5),
            READ,
            429,
            "TooManyRequests",
            "quota exceeded"),
        row(
            new IllegalStateException("NPE at " + HOST),
            READ,
            500,
            "InternalError",
            "an internal error occurred while serving metrics; the server log has details"),
        row(
            new CompletionException(new StoreUnavailableException(HOST, null)),
            READ,
            503,
            "ServiceUnavailable",
            "telemetry storage is unavailable"));
  }

  private static Arguments row(
      Throwable failure, Operation op, int code, String reason, String message) {
    return Arguments.of(failure, op, code, reason, message);
  }

  /** The Status document for {@code error} as a JSON tree, as the client receives it. */
  private static JsonNode statusJson(ApiException error) {
    return Json.mapper().valueToTree(StatusResponses.typed(error));
  }

  @ParameterizedTest(name = "[{index}] {0} → {2}")
  @MethodSource("table")
  void mapsEveryRowOfTheTable(
      Throwable failure, Operation op, int code, String reason, String message) {
    ApiException error = StatusMapper.map(failure, op);
    JsonNode status = statusJson(error);

    assertThat(status.path("code").asInt()).isEqualTo(code);
    assertThat(status.path("reason").asText()).isEqualTo(reason);
    assertThat(status.path("message").asText())
        .contains(message)
        .doesNotContain(HOST, "Exception", "\tat ");
    // Retry-After only where kubectl retrying by itself is wanted (quotas), never on outages.
    assertThat(error.retryAfterSeconds() != null).isEqualTo(code == 429);
  }

  @Test
  void createWithSeveralProblemsHasOneCausePerProblem() {
    InvalidInputException problems =
        new InvalidInputException(
            List.of("spec.step: Invalid value: \"x\" is not a duration", "no field here"));

    JsonNode status = statusJson(StatusMapper.map(problems, CREATE));

    assertThat(status.path("code").asInt()).isEqualTo(422);
    assertThat(status.at("/details/kind").asText()).isEqualTo("TelemetryQuery");
    assertThat(status.at("/details/name").asText()).isEqualTo("q1");
    assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.step");
    assertThat(status.at("/details/causes/0/message").asText())
        .isEqualTo("Invalid value: \"x\" is not a duration");
    assertThat(status.at("/details/causes/1/field").asText()).isEmpty();
    assertThat(status.at("/details/causes/1/message").asText()).isEqualTo("no field here");
  }

  @Test
  void createBeforeTheNameIsKnownKeepsTheMessageForKubectl() {
    ApiException error =
        StatusMapper.map(
            new InvalidInputException("metadata.name: Required value"),
            Operation.create("queries", "TelemetryQuery", null));
    JsonNode status = statusJson(error);

    assertThat(status.path("code").asInt()).isEqualTo(422);
    assertThat(status.path("message").asText())
        .isEqualTo("TelemetryQuery is invalid: metadata.name: Required value");
    // kubectl prints the message only when details carry neither kind nor name.
    assertThat(status.at("/details/kind").isMissingNode()).isTrue();
    assertThat(status.at("/details/causes").isMissingNode()).isTrue();
  }

  @Test
  void storageFailuresAreRecognisedAfterMapping() {
    ApiException limit =
        StatusMapper.map(new StoreLimitException(Limit.ROWS_READ, "too many", null), READ);
    ApiException invalid = StatusMapper.map(new InvalidInputException("bad"), READ);

    assertThat(StatusMapper.isStoreError(limit)).isTrue();
    assertThat(
            StatusMapper.isStoreError(
                StatusMapper.map(
                    new StoreSchemaException(StoreSchemaException.Problem.MISSING_TABLE, "x"),
                    READ)))
        .isTrue();
    assertThat(StatusMapper.isStoreError(invalid)).isFalse();
  }

  @Test
  void clickHouseRefusingOneMoreConcurrentQueryIsRetriedAfterOneSecond() {
    ApiException error =
        StatusMapper.map(
            new StoreLimitException(Limit.CONCURRENT_QUERIES, "retry shortly", null), READ);

    assertThat(error.code()).isEqualTo(429);
    assertThat(error.retryAfterSeconds()).isEqualTo(1);
    assertThat(error.getMessage()).doesNotContain("Narrow");
  }

  @Test
  void anApiExceptionPassesThroughUnchanged() {
    ApiException notFound = ApiException.notFound("metrics", "m1");

    assertThat(StatusMapper.map(notFound, READ)).isSameAs(notFound);
    assertThat(notFound.getMessage()).isEqualTo("metrics.telemetry.kubetel.io \"m1\" not found");
  }
}
