package io.kubetel.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TelemetryQuery validation: every problem at once, as Kubernetes field errors. */
class QueryValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static TelemetryQuerySpec spec(Signal signal) {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(signal);
    if (signal == Signal.METRICS) {
      s.setMetric("http.server.requests");
    }
    return s;
  }

  static List<String> problems(TelemetryQuerySpec s) {
    return QueryValidator.describe(QueryValidator.check(s, NOW), "spec");
  }

  @Test
  void appliesDefaults() {
    ResolvedQuery q = QueryValidator.validate(spec(Signal.METRICS), NOW);
    assertThat(q.window().end()).isEqualTo(NOW);
    assertThat(q.window().length()).isEqualTo(QueryLimits.DEFAULT_RANGE);
    assertThat(q.stepSeconds()).isEqualTo(15);
    assertThat(q.aggregation()).isEqualTo(Aggregation.AVG);
    assertThat(QueryValidator.validate(spec(Signal.LOGS), NOW).aggregation())
        .isEqualTo(Aggregation.COUNT);
  }

  @Test
  void resolvesAbsoluteRangeAndFilters() {
    TelemetryQuerySpec s = spec(Signal.TRACES);
    s.setStart("2026-11-25T10:00:00Z");
    s.setEnd("2026-11-25T11:00:00+00:00");
    s.setStep("1m");
    s.setRange("1w");
    QueryFilter noOperator = new QueryFilter("kind", null, List.of("Server"));
    s.setFilters(
        List.of(new QueryFilter("service", QueryFilterOperator.In, List.of("a", "b")), noOperator));
    s.setGroupBy(List.of("span"));
    ResolvedQuery q = QueryValidator.validate(s, NOW);
    assertThat(q.window().start()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(q.window().length()).isEqualTo(Duration.ofHours(1));
    assertThat(q.stepSeconds()).isEqualTo(60);
    assertThat(q.filters())
        .extracting(f -> f.operator().name(), f -> f.values())
        .containsExactly(tuple("IN", List.of("a", "b")), tuple("EQUALS", List.of("Server")));
  }

  @Test
  void reportsEveryProblemAtOnceInTheOrderOfTheSpec() {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(Signal.LOGS);
    s.setMetric("x");
    s.setAggregation(Aggregation.P99);
    s.setStep("-1m");
    s.setRange("PT15M");
    s.setStart("2026-11-25T12:00:00Z");
    s.setEnd("yesterday");
    s.setGroupBy(List.of("service", "service", "1bad", "type", "resource."));
    s.setFilters(
        Arrays.asList(
            new QueryFilter("pod", QueryFilterOperator.Exists, List.of("x")),
            new QueryFilter(null, QueryFilterOperator.Equals, List.of()),
            new QueryFilter("metric", QueryFilterOperator.In, List.of()),
            null,
            new QueryFilter("pod", QueryFilterOperator.In, Collections.singletonList(null))));
    assertThat(problems(s))
        .containsExactly(
            "spec.metric: Forbidden: only allowed for signal metrics",
            "spec.aggregation: Unsupported value: \"p99\": p99 does not apply to logs, use count"
                + " or rate",
            "spec.filters[0].values: Forbidden: Exists takes no values",
            "spec.filters[1].key: Required value: a field key such as service or http.route",
            "spec.filters[1].values: Invalid value: Equals needs exactly one value, got 0",
            "spec.filters[2].key: Invalid value: \"metric\": 'metric' does not apply to logs",
            "spec.filters[2].values: Required value: In needs at least one value",
            "spec.filters[3]: Required value: a filter with key, operator and values",
            "spec.filters[4].values: Invalid value: values must not be null",
            "spec.groupBy[1]: Duplicate value: \"service\"",
            "spec.groupBy[2]: Invalid value: \"1bad\": not a field key: up to 255 letters, digits,"
                + " '_', '.', '-' or '/', starting with a letter or '_'",
            "spec.groupBy[3]: Invalid value: \"type\": 'type' does not apply to logs",
            "spec.groupBy[4]: Invalid value: \"resource.\": needs an attribute name, e.g."
                + " resource.k8s.deployment.name",
            "spec.step: Invalid value: \"-1m\" must not be negative",
            "spec.range: Invalid value: \"PT15M\" is not a duration: ISO-8601 durations are not"
                + " accepted, write 15m instead; use integers with units ms, s, m, h, d or w,"
                + " e.g. 500ms, 30s, 15m, 1h30m, 7d, 2w",
            "spec.end: Invalid value: \"yesterday\": not an RFC 3339 time such as"
                + " 2026-11-25T10:00:00Z");
    assertThatThrownBy(() -> QueryValidator.validate(s, NOW))
        .isInstanceOfSatisfying(
            InvalidQueryException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(16)
                    .startsWith("metric: Forbidden: only allowed for signal metrics"));
  }

  @Test
  void givesEachProblemAReasonForConditions() {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    assertThat(QueryValidator.check(s, NOW))
        .extracting(QueryProblem::reason, QueryProblem::field)
        .containsExactly(tuple(QueryProblem.MISSING_SIGNAL, "signal"));
    assertThat(QueryValidator.check(null, NOW))
        .extracting(p -> p.describe("spec.query"))
        .containsExactly("spec.query: Required value: the query is empty");
    s = spec(Signal.METRICS);
    s.setMetric(null);
    s.setStep("0s");
    s.setStart("soon");
    assertThat(QueryValidator.check(s, NOW))
        .extracting(QueryProblem::reason, QueryProblem::field)
        .containsExactly(
            tuple(QueryProblem.MISSING_METRIC, "metric"),
            tuple(QueryProblem.INVALID_DURATION, "step"),
            tuple(QueryProblem.INVALID_TIME, "start"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http.server.request.duration|",
        "process_cpu_seconds_total|",
        "a b|must not contain spaces",
        "x;DROP|looks like SQL",
        "9lives|contains characters other than",
        "it's|must not contain quotes",
      })
  void appliesTheMetricNameRule(String metric, String problem) {
    TelemetryQuerySpec s = spec(Signal.METRICS);
    s.setMetric(metric);
    if (problem == null) {
      assertThat(problems(s)).isEmpty();
    } else {
      assertThat(problems(s))
          .singleElement()
          .asString()
          .startsWith("spec.metric: Invalid value: \"" + metric + "\": metric name")
          .contains(problem);
    }
  }

  @Test
  void boundsRangeStepAndPoints() {
    TelemetryQuerySpec s = spec(Signal.METRICS);
    s.setRange("32d");
    assertThat(problems(s))
        .containsExactly(
            "spec.range: Invalid value: \"32d\": the time range is longer than the maximum of 31d");
    s.setRange("0s");
    assertThat(problems(s)).singleElement().asString().contains("must be longer than zero");
    s.setRange("1h");
    s.setStep("500ms");
    assertThat(problems(s))
        .containsExactly("spec.step: Invalid value: \"500ms\": shorter than the minimum of 1s");
    s.setStep("0s");
    assertThat(problems(s)).singleElement().asString().contains("shorter than the minimum of 1s");
    s.setStep("2h");
    assertThat(problems(s))
        .containsExactly("spec.step: Invalid value: \"2h\": longer than the time range");
    s.setRange("31d");
    s.setStep("1m");
    assertThat(problems(s)).singleElement().asString().contains("more than 11000 points");
    s.setStep("5m");
    assertThat(problems(s)).isEmpty();
    s.setStep("1500ms");
    assertThat(problems(s)).singleElement().asString().contains("whole number of seconds");
  }

  @Test
  void checksTheAbsoluteTimeRange() {
    TelemetryQuerySpec s = spec(Signal.LOGS);
    s.setStart("2026-11-25T13:00:00Z");
    assertThat(problems(s))
        .containsExactly(
            "spec.start: Invalid value: \"2026-11-25T13:00:00Z\": must be before end (now, "
                + NOW
                + ")");
    s.setEnd("2026-11-25T11:00:00Z");
    assertThat(problems(s))
        .containsExactly("spec.end: Invalid value: \"2026-11-25T11:00:00Z\": must be after start");
    s.setStart("2026-10-01T00:00:00Z");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .startsWith("spec.start: Invalid value: \"2026-10-01T00:00:00Z\": the time range");
  }

  @Test
  void limitsFiltersAndGroupByKeys() {
    TelemetryQuerySpec s = spec(Signal.TRACES);
    List<QueryFilter> filters = new ArrayList<>();
    for (int i = 0; i <= QueryLimits.MAX_FILTERS; i++) {
      filters.add(new QueryFilter("a" + i, QueryFilterOperator.Exists, List.of()));
    }
    s.setFilters(filters);
    s.setGroupBy(
        List.of("service", "pod", "node", "span", "kind", "status", "namespace", "a", "b"));
    assertThat(problems(s))
        .containsExactly(
            "spec.filters: Too many: 33: must have at most 32 items",
            "spec.groupBy: Too many: 9: must have at most 8 items");
    assertThat(QueryValidator.check(s, NOW))
        .extracting(QueryProblem::reason)
        .containsOnly(QueryProblem.TOO_MANY);
  }

  @Test
  void metricsCannotBeGroupedByTypeButFilteredByIt() {
    TelemetryQuerySpec s = spec(Signal.METRICS);
    s.setFilters(List.of(new QueryFilter("type", QueryFilterOperator.Equals, List.of("Sum"))));
    assertThat(problems(s)).isEmpty();
    s.setGroupBy(List.of("type"));
    assertThat(problems(s))
        .containsExactly(
            "spec.groupBy[0]: Unsupported value: \"type\": a query reads one metric of one type");
  }

  @Test
  void logsTakeCountOrRateAndTheirOwnKeys() {
    TelemetryQuerySpec s = spec(Signal.LOGS);
    s.setAggregation(Aggregation.RATE);
    s.setFilters(
        List.of(
            new QueryFilter("severity", QueryFilterOperator.Equals, List.of("ERROR")),
            new QueryFilter("resource.k8s.pod.name", QueryFilterOperator.Exists, List.of())));
    s.setGroupBy(List.of("traceId"));
    assertThat(problems(s)).isEmpty();
    s.setAggregation(Aggregation.AVG);
    assertThat(problems(s)).singleElement().asString().contains("use count or rate");
  }
}
