package io.kubetel.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric-name rule shared by queries and the metric= field selector. */
class MetricNamesTest {
  @Test
  void acceptsOtelAndPrometheusNames() {
    assertThat(MetricNames.problem("http.server.request.duration")).isEmpty();
    assertThat(MetricNames.problem("node_cpu_seconds_total")).isEmpty();
    assertThat(MetricNames.problem(":recording:rule")).isEmpty();
    assertThat(MetricNames.problem("m".repeat(255))).isEmpty();
  }

  @Test
  void namesWhatIsWrong() {
    assertThat(MetricNames.problem("")).hasValue("metric name must not be empty");
    assertThat(MetricNames.problem(null)).hasValue("metric name must not be empty");
    assertThat(MetricNames.problem("m".repeat(256)))
        .hasValue("metric name must be no more than 255 characters");
    assertThat(MetricNames.problem("a`b")).get().asString().endsWith("must not contain quotes");
    assertThat(MetricNames.problem("a\tb")).get().asString().endsWith("must not contain spaces");
    assertThat(MetricNames.problem("a/*b")).get().asString().contains("looks like SQL");
    assertThat(MetricNames.problem("a+b"))
        .hasValue(
            "metric name \"a+b\" contains characters other than letters, digits and _ . : / -"
                + " (starting with a letter, '_' or ':')");
  }

  @Test
  void metricTypesHaveTheirDisplayNames() {
    assertThat(MetricType.values())
        .extracting(MetricType::displayName)
        .containsExactly("Gauge", "Sum", "Histogram", "ExponentialHistogram", "Summary");
    assertThat(MetricType.values())
        .filteredOn(MetricType::recordsObservations)
        .containsExactly(
            MetricType.HISTOGRAM, MetricType.EXPONENTIAL_HISTOGRAM, MetricType.SUMMARY);
  }
}
