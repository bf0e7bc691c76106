package io.kubetel.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TelemetryQuery validation: every problem is reported at once, with a precise message. */
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

  @Test
  void appliesDefaults() {
    ResolvedQuery q = QueryValidator.validate(spec(Signal.METRICS), NOW);
    assertThat(q.window().end()).isEqualTo(NOW);
    assertThat(q.window().length()).isEqualTo(Duration.ofMinutes(15));
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
    s.setRange("not used");
    s.setFilters(List.of(new QueryFilter("service", QueryFilterOperator.In, List.of("a", "b"))));
    s.setGroupBy(List.of("span"));
    ResolvedQuery q = QueryValidator.validate(s, NOW);
    assertThat(q.window().start()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(q.stepSeconds()).isEqualTo(60);
    assertThat(q.filters())
        .singleElement()
        .satisfies(f -> assertThat(f.values()).containsExactly("a", "b"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    s.setSignal(Signal.METRICS);
    s.setRange("forever");
    s.setStep("10x");
    s.setFilters(
        new ArrayList<>(
            List.of(
                new QueryFilter("bad key!", QueryFilterOperator.Equals, List.of("x")),
                new QueryFilter("pod", QueryFilterOperator.In, List.of()),
                new QueryFilter("severity", QueryFilterOperator.Equals, List.of("x")))));
    s.setGroupBy(List.of("type"));
    List<String> problems = QueryValidator.problems(s, NOW);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("metric is required"))
        .anySatisfy(p -> assertThat(p).startsWith("range: invalid duration 'forever'"))
        .anySatisfy(p -> assertThat(p).startsWith("step: invalid duration '10x'"))
        .anySatisfy(
            p -> assertThat(p).contains("filters[0].key 'bad key!' is not a valid field key"))
        .anySatisfy(
            p -> assertThat(p).contains("filters[1]: operator In needs at least one value, got 0"))
        .anySatisfy(
            p -> assertThat(p).contains("filters[2].key 'severity' does not apply to metrics"))
        .anySatisfy(p -> assertThat(p).contains("groupBy key 'type' is not supported"));
    assertThat(problems).hasSize(7);
    assertThatThrownBy(() -> QueryValidator.validate(s, NOW))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.problems()).isEqualTo(problems));
  }

  @Test
  void boundsRangeStepAndPoints() {
    TelemetryQuerySpec s = spec(Signal.METRICS);
    s.setRange("32d");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("maximum of 31d");
    s.setRange("1h");
    s.setStep("500ms");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("minimum of 1s");
    s.setStep("2h");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("longer than the time range");
    s.setRange("31d");
    s.setStep("1m");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("more than 11000 points");
    s.setStep("5m");
    assertThat(QueryValidator.problems(s, NOW)).isEmpty();
    s.setStep("1500ms");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("whole number of seconds");
  }

  @Test
  void checksTimesAndSignal() {
    TelemetryQuerySpec s = new TelemetryQuerySpec();
    assertThat(QueryValidator.problems(s, NOW))
        .containsExactly("signal is required: metrics, traces or logs");
    s = spec(Signal.LOGS);
    s.setStart("yesterday");
    assertThat(QueryValidator.problems(s, NOW)).singleElement().asString().contains("RFC 3339");
    s.setStart("2026-11-25T13:00:00Z");
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("must be before end");
    s = spec(Signal.LOGS);
    s.setAggregation(Aggregation.AVG);
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("use count or rate");
    s.setAggregation(Aggregation.RATE);
    s.setFilters(List.of(new QueryFilter("severity", QueryFilterOperator.Exists, List.of("x"))));
    assertThat(QueryValidator.problems(s, NOW))
        .singleElement()
        .asString()
        .contains("takes no values");
  }
}
