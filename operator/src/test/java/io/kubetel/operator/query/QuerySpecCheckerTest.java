package io.kubetel.operator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query problems the schema cannot see, each with a precise reason and field. */
class QuerySpecCheckerTest {

  final FakeCatalog catalog =
      new FakeCatalog()
          .metric("http.server.request.duration")
          .attribute(Signal.METRICS, "http.route")
          .attribute(Signal.TRACES, "http.route");
  final QuerySpecChecker checker = new QuerySpecChecker(ns -> Optional.of(catalog));

  static TelemetryQuerySpec query(Signal signal, String metric) {
    TelemetryQuerySpec q = new TelemetryQuerySpec();
    q.setSignal(signal);
    q.setMetric(metric);
    return q;
  }

  List<Problem> check(TelemetryQuerySpec q) {
    return checker.check(q, "shop", "spec.query", Set.of("service"));
  }

  /** Asserts {@code q} has exactly one problem, of {@code reason} at {@code field}. */
  Problem onlyProblem(TelemetryQuerySpec q, String reason, String field) {
    List<Problem> problems = check(q);
    assertThat(problems).singleElement();
    Problem p = problems.get(0);
    assertThat(p.reason()).isEqualTo(reason);
    assertThat(p.field()).isEqualTo(field);
    return p;
  }

  @Test
  void aGoodQueryHasNoProblems() {
    TelemetryQuerySpec q = query(Signal.METRICS, "http.server.request.duration");
    q.setAggregation(Aggregation.P99);
    q.setGroupBy(List.of("service", "http.route", "resource.k8s.pod.name"));
    q.setRange("1h30m");
    q.setFilters(
        List.of(new QueryFilter("service", QueryFilterOperator.Equals, List.of("$service"))));
    assertThat(check(q)).isEmpty();
  }

  @Test
  void unknownMetric() {
    Problem p =
        onlyProblem(
            query(Signal.METRICS, "http.server.requests"), "UnknownMetric", "spec.query.metric");
    assertThat(p.message()).contains("http.server.requests", "shop");
  }

  @Test
  void groupByOnAnUnknownAttribute() {
    TelemetryQuerySpec q = query(Signal.TRACES, null);
    q.setGroupBy(List.of("service", "customer.tier"));
    assertThat(onlyProblem(q, "UnknownAttribute", "spec.query.groupBy[1]").message())
        .contains("customer.tier");
  }

  @Test
  void percentilesDoNotApplyToLogs() {
    TelemetryQuerySpec q = query(Signal.LOGS, null);
    q.setAggregation(Aggregation.P99);
    assertThat(check(q)).extracting(Problem::reason).containsExactly("InvalidAggregation");
  }

  @Test
  void badDurationsAndTimes() {
    TelemetryQuerySpec q = query(Signal.TRACES, null);
    q.setStep("0s");
    q.setRange("5 minutes");
    q.setStart("yesterday");
    assertThat(check(q))
        .extracting(Problem::reason, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("InvalidDuration", "spec.query.step"),
            org.assertj.core.groups.Tuple.tuple("InvalidDuration", "spec.query.range"),
            org.assertj.core.groups.Tuple.tuple("InvalidTime", "spec.query.start"));
  }

  @Test
  void filtersMustStayInTheNamespaceUseDeclaredVariablesAndHaveTheRightArity() {
    TelemetryQuerySpec q = query(Signal.LOGS, null);
    q.setFilters(
        List.of(
            new QueryFilter("namespace", QueryFilterOperator.Equals, List.of("payments")),
            new QueryFilter("pod", QueryFilterOperator.Equals, List.of("$pod")),
            new QueryFilter("severity", QueryFilterOperator.Equals, List.of("ERROR", "WARN"))));
    assertThat(check(q))
        .extracting(Problem::reason)
        .containsExactly("ForeignNamespace", "UnknownVariable", "InvalidFilter");
  }

  @Test
  void theApiServersRulesAndLimitsApplyWithPreciseFields() {
    TelemetryQuerySpec q = query(Signal.TRACES, null);
    q.setGroupBy(
        List.of("service", "pod", "node", "span", "kind", "status", "namespace", "a", "b"));
    assertThat(onlyProblem(q, "TooMany", "spec.query.groupBy").describe())
        .isEqualTo("spec.query.groupBy: Too many: 9: must have at most 8 items");
  }

  @Test
  void aMetricIsForbiddenForOtherSignalsAndKeysMustApplyToTheSignal() {
    TelemetryQuerySpec q = query(Signal.LOGS, "http.server.request.duration");
    q.setGroupBy(List.of("span"));
    assertThat(check(q))
        .extracting(Problem::describe)
        .containsExactly(
            "spec.query.metric: Forbidden: only allowed for signal metrics",
            "spec.query.groupBy[0]: Invalid value: \"span\": 'span' does not apply to logs");
  }

  @Test
  void isoDurationsAreRefusedWithTheSpellingToUse() {
    TelemetryQuerySpec q = query(Signal.TRACES, null);
    q.setRange("PT1H");
    assertThat(check(q))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("InvalidDuration");
              assertThat(p.message()).contains("write 1h instead");
            });
  }

  @Test
  void withoutACatalogOnlyStaticChecksRun() {
    QuerySpecChecker offline = new QuerySpecChecker(CatalogLookup.NONE);
    assertThat(offline.check(query(Signal.METRICS, "anything"), "shop", "q", Set.of())).isEmpty();
    assertThat(offline.check(query(Signal.METRICS, null), "shop", "q", Set.of()))
        .extracting(Problem::reason)
        .containsExactly("MissingMetric");
  }
}
