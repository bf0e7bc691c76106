package io.kubetel.store.sql;

import java.util.List;
import java.util.Set;

/** The telemetry table names (the OTel ClickHouse exporter's names); the table allow-list. */
public final class Tables {
  public static final String GAUGE = "otel_metrics_gauge";
  public static final String SUM = "otel_metrics_sum";
  public static final String HISTOGRAM = "otel_metrics_histogram";
  public static final String EXP_HISTOGRAM = "otel_metrics_exp_histogram";

  /**
   * The exporter's own name for the exponential-histogram table (kubetel's DDL still says {@link
   * #EXP_HISTOGRAM}); discovery looks for both.
   */
  public static final String EXPONENTIAL_HISTOGRAM = "otel_metrics_exponential_histogram";

  public static final String SUMMARY = "otel_metrics_summary";
  public static final String TRACES = "otel_traces";
  public static final String TRACE_ID_TS = "otel_traces_trace_id_ts";
  public static final String TRACE_ID_TS_MV = "otel_traces_trace_id_ts_mv";
  public static final String LOGS = "otel_logs";

  /** The metric tables, in creation order. */
  public static final List<String> METRICS = List.of(GAUGE, SUM, HISTOGRAM, EXP_HISTOGRAM, SUMMARY);

  /** Every kubetel table and view. */
  public static final Set<String> ALL =
      Set.of(
          GAUGE, SUM, HISTOGRAM, EXP_HISTOGRAM, SUMMARY, TRACES, TRACE_ID_TS, TRACE_ID_TS_MV, LOGS);

  /**
   * Every table name kubetel may name in SQL: its own tables and the exporter's names it discovers
   * (the allow-list of {@link Identifiers#table}).
   */
  public static final Set<String> KNOWN =
      Set.of(
          GAUGE,
          SUM,
          HISTOGRAM,
          EXP_HISTOGRAM,
          EXPONENTIAL_HISTOGRAM,
          SUMMARY,
          TRACES,
          TRACE_ID_TS,
          TRACE_ID_TS_MV,
          LOGS);

  /** System tables kubetel reads. */
  public static final Set<String> SYSTEM = Set.of("parts", "columns", "tables");

  private Tables() {}
}
