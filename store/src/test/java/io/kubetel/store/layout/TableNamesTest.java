package io.kubetel.store.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The table-name mapping: the exporter's defaults, overrides, derived trace-index names, errors.
 */
class TableNamesTest {
  @Test
  void defaultsAreTheExportersNames() {
    assertThat(TableNames.parse("")).isEqualTo(TableNames.DEFAULTS);
    assertThat(TableNames.parse(null)).isEqualTo(TableNames.DEFAULTS);
    for (String role : Tables.ALL) {
      assertThat(TableNames.DEFAULTS.name(role)).isEqualTo(role);
      assertThat(TableNames.DEFAULTS.isDefault(role)).isTrue();
    }
    assertThat(TableNames.DEFAULTS.toString()).isEmpty();
  }

  @Test
  void overridesRenameTheirTableAndTheTraceIndexFollowsTheTracesTable() {
    TableNames n = TableNames.parse("traces=app_spans, exponential_histogram=exp,logs=app_logs");
    assertThat(n.name(Tables.LOGS)).isEqualTo("app_logs");
    assertThat(n.name(Tables.TRACES)).isEqualTo("app_spans");
    assertThat(n.name(Tables.TRACE_ID_TS)).isEqualTo("app_spans_trace_id_ts");
    assertThat(n.name(Tables.TRACE_ID_TS_MV)).isEqualTo("app_spans_trace_id_ts_mv");
    assertThat(n.name(Tables.EXP_HISTOGRAM)).isEqualTo("exp");
    assertThat(n.name(Tables.GAUGE)).isEqualTo(Tables.GAUGE);
    assertThat(n.isDefault(Tables.GAUGE)).isTrue();
    assertThat(n.isDefault(Tables.LOGS)).isFalse();
    assertThat(n.toString()).isEqualTo("exponential_histogram=exp,logs=app_logs,traces=app_spans");
    assertThat(TableNames.parse(n.toString())).isEqualTo(n).hasSameHashCodeAs(n);
  }

  @Test
  void badMappingsAreRefusedNamingTheEntry() {
    assertThatThrownBy(() -> TableNames.parse("logs"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'logs' must be key=name");
    assertThatThrownBy(() -> TableNames.parse("spans=x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown table 'spans'")
        .hasMessageContaining(
            "exponential_histogram, gauge, histogram, logs, sum, summary, traces");
    assertThatThrownBy(() -> TableNames.parse("logs=a;b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid table name 'a;b' for logs");
    assertThatThrownBy(() -> TableNames.parse("logs=a,logs=b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> TableNames.DEFAULTS.name("users"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
