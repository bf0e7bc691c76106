package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code MetricName} condition get-by-name pushes down: on ClickHouse, every metric name keeps
 * passing the condition built from its own sanitized object-name prefix (so a get never misses a
 * series it used to find), and a different metric's name does not.
 */
class MetricNamePrefixIT {
  static LocalClickHouse ch;

  @BeforeAll
  static void start() {
    ch = LocalClickHouse.start("nameprefix");
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  private static boolean passes(String metricName, String prefix) {
    String sql =
        "SELECT toUInt8("
            + MetricSql.namePrefixCondition(prefix)
            + ") AS ok FROM (SELECT "
            + SqlLiteral.string(metricName)
            + " AS MetricName) FORMAT JSONEachRow";
    return ch.gateway().select(sql).get(0).path("ok").asInt() == 1;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http.server.request.duration",
        "HTTP_Server Requests/total",
        "..weird..name..",
        "___",
        "",
        "Größe.bytes",
        "KELVIN_K_temp",
        "a.very.long.metric.name.repeated.until.it.is.cut.at.two.hundred.characters"
            + ".a.very.long.metric.name.repeated.until.it.is.cut.at.two.hundred.characters"
            + ".a.very.long.metric.name.repeated.until.it.is.cut.at.two.hundred.characters"
      })
  void everyNamePassesTheConditionOfItsOwnPrefix(String metricName) {
    assertThat(passes(metricName, SeriesNames.sanitize(metricName))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http.server.request.size", "http.client.request.duration", "x"})
  void anotherMetricsNameDoesNot(String other) {
    for (String prefix : List.of(SeriesNames.sanitize("http.server.request.duration"))) {
      assertThat(passes(other, prefix)).isFalse();
    }
  }
}
