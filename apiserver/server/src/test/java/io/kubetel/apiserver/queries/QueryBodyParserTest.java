package io.kubetel.apiserver.queries;

import static io.kubetel.apiserver.testing.Fixtures.queryBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.Operation;
import io.kubetel.apiserver.http.StatusMapper;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.problem.MalformedInputException;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.QueryProblem;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.Signal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict TelemetryQuery body parsing and spec validation. */
class QueryBodyParserTest {
  final QueryBodyParser parser = new QueryBodyParser();

  @Test
  void parsesAFullQuery() {
    ParsedQuery q =
        parser.parse(
            queryBody(
                "{\"name\":\"p99\",\"namespace\":\"shop\",\"labels\":{\"team\":\"a\"},\"creationTimestamp\":null}",
                "{\"signal\":\"traces\",\"aggregation\":\"p99\",\"filters\":[{\"key\":\"service\","
                    + "\"operator\":\"In\",\"values\":[\"a\",\"b\"]}],\"groupBy\":[\"span\"],"
                    + "\"step\":\"1m\",\"range\":\"1h\"}"),
            "shop");
    assertThat(q.name()).isEqualTo("p99");
    assertThat(q.labels()).containsEntry("team", "a");
    assertThat(q.spec().getSignal()).isEqualTo(Signal.TRACES);
    assertThat(q.spec().getAggregation()).isEqualTo(Aggregation.P99);
    assertThat(q.spec().getFilters().get(0).getOperator()).isEqualTo(QueryFilterOperator.In);
    assertThat(QueryValidator.check(q.spec(), Instant.now())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{\"apiVersion\":\"v1\",\"kind\":\"TelemetryQuery\",\"metadata\":{\"name\":\"q\"},\"spec\":{}}|apiVersion \"v1\" must be",
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"Metric\",\"metadata\":{\"name\":\"q\"},\"spec\":{}}|kind \"Metric\" must be",
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\",\"metadata\":{\"name\":\"q\"},\"spec\":{},\"status\":{}}|status is set by the server",
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\",\"metadata\":{\"name\":\"q\",\"uid\":\"x\"},\"spec\":{}}|unknown field \"metadata.uid\"",
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\",\"metadata\":{\"name\":\"q\"},\"spec\":{\"signal\":\"logs\",\"rang\":\"1h\"}}|unknown field \"spec.rang\"",
        "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\",\"metadata\":{\"name\":\"q\",\"namespace\":\"b\"},\"spec\":{}}|does not match",
        "[]|must be a JSON object",
        "{\"apiVersion\":|not valid JSON",
      })
  void rejectsWith400(String body, String message) {
    assertThatThrownBy(() -> parser.parse(body, "shop"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                assertThat(StatusMapper.map(e, Operation.create("queries", "TelemetryQuery", "q")))
                    .satisfies(api -> assertThat(api.code()).isEqualTo(400)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{}|{\"signal\":\"logs\"}|metadata.name: Required value",
        "{\"name\":\"Bad Name\"}|{\"signal\":\"logs\"}|metadata.name: Invalid value",
        "{\"name\":\"q\"}|{\"signal\":\"log\"}|spec.signal: Unsupported value: \"log\"; supported values: metrics, traces, logs",
        "{\"name\":\"q\"}|{\"signal\":\"logs\",\"aggregation\":\"median\"}|spec.aggregation: Unsupported value",
        "{\"name\":\"q\"}|{\"signal\":\"logs\",\"groupBy\":\"service\"}|spec.groupBy",
        "{\"name\":\"q\"}|[]|spec: Required value",
        "{\"name\":\"q\",\"labels\":{\"a\":\"b c\"}}|{}|metadata.labels",
      })
  void rejectsAsInvalidInput(String metadata, String spec, String message) {
    // The handler reports these as 422 Invalid about the object (see QueriesHandlerTest).
    assertThatThrownBy(() -> parser.parse(queryBody(metadata, spec), "shop"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theModelValidatorReportsEveryProblemOfAParsedBody() {
    ParsedQuery q =
        parser.parse(
            queryBody(
                "{\"name\":\"q\"}",
                "{\"signal\":\"logs\",\"metric\":\"x\",\"aggregation\":\"p99\",\"step\":\"-1m\","
                    + "\"start\":\"2026-11-25T12:00:00Z\",\"end\":\"2026-11-25T11:00:00Z\","
                    + "\"groupBy\":[\"service\",\"service\",\"1bad\"],"
                    + "\"filters\":[{\"key\":\"pod\",\"operator\":\"Exists\",\"values\":[\"x\"]},"
                    + "{\"operator\":\"Equals\",\"values\":[]}]}"),
            "shop");
    // The parser hands every field through; the messages are the model's (QueryValidatorTest).
    assertThat(QueryValidator.check(q.spec(), Instant.now()))
        .extracting(QueryProblem::field)
        .containsExactly(
            "metric",
            "aggregation",
            "filters[0].values",
            "filters[1].key",
            "filters[1].values",
            "groupBy[1]",
            "groupBy[2]",
            "step",
            "end");
    ApiException api =
        StatusMapper.map(
            new InvalidQueryException(
                QueryValidator.describe(QueryValidator.check(q.spec(), Instant.now()), "spec")),
            Operation.create("queries", "TelemetryQuery", "q"));
    assertThat(api.code()).isEqualTo(422);
    assertThat(api.name()).isEqualTo("q");
  }
}
