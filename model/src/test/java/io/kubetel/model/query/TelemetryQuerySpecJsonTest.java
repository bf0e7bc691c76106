package io.kubetel.model.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.json.Json;
import org.junit.jupiter.api.Test;

/** A TelemetryQuery spec as users write it in YAML/JSON: names, defaults, quantiles. */
class TelemetryQuerySpecJsonTest {
  @Test
  void readsWhatUsersWriteWithDocumentedDefaults() throws Exception {
    TelemetryQuerySpec spec =
        Json.mapper()
            .readValue(
                """
                {"signal":"traces","aggregation":"p95","step":"1m","range":"1h",
                 "start":"2026-11-25T10:00:00Z","end":"2026-11-25T11:00:00Z",
                 "filters":[{"key":"service","values":["checkout"]}],"groupBy":["span"]}
                """,
                TelemetryQuerySpec.class);
    assertThat(spec.getSignal()).isEqualTo(Signal.TRACES);
    assertThat(spec.getAggregation()).isEqualTo(Aggregation.P95);
    assertThat(spec.getAggregation().quantile()).isEqualTo(0.95);
    assertThat(Aggregation.AVG.quantile()).isEqualTo(-1);
    QueryFilter f = spec.getFilters().get(0);
    assertThat(f.getOperator()).isEqualTo(QueryFilterOperator.Equals);
    assertThat(f.getKey()).isEqualTo("service");
    assertThat(spec.getGroupBy()).containsExactly("span");
    assertThat(spec.getStep()).isEqualTo("1m");
    assertThat(spec.getRange()).isEqualTo("1h");
    assertThat(spec.getStart()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(spec.getEnd()).isEqualTo("2026-11-25T11:00:00Z");
    assertThat(spec.getMetric()).isNull();
    assertThat(QueryValidator.check(spec, java.time.Instant.parse("2026-11-25T12:00:00Z")))
        .isEmpty();
    assertThat(Json.mapper().writeValueAsString(Aggregation.P99)).isEqualTo("\"p99\"");
  }
}
