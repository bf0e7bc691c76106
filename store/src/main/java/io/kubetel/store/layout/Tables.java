package io.kubetel.store.layout;

import java.util.List;
import java.util.Set;

/**
 * The telemetry tables kubetel reads, by role. Each role is named by the OTel ClickHouse exporter's
 * default table name; {@link TableNames} maps a role to the physical name a user's exporter was
 * configured with, and discovery ({@code store.schema.TableDiscovery}) finds which exist.
 */
public final class Tables {
  public static final String GAUGE = "otel_metrics_gauge";
  public static final String SUM = "otel_metrics_sum";
  public static final String HISTOGRAM = "otel_metrics_histogram";
  public static final String EXP_HISTOGRAM = "otel_metrics_exponential_histogram";

  /**
   * The name kubetel's own DDL gave the exponential-histogram table before it followed the exporter
   * ({@link #EXP_HISTOGRAM}); databases created then keep it and are read under it, and no second
   * table is created beside it.
   */
  public static final String LEGACY_EXP_HISTOGRAM = "otel_metrics_exp_histogram";

  public static final String SUMMARY = "otel_metrics_summary";
  public static final String TRACES = "otel_traces";
  public static final String TRACE_ID_TS = "otel_traces_trace_id_ts";
  public static final String TRACE_ID_TS_MV = "otel_traces_trace_id_ts_mv";
  public static final String LOGS = "otel_logs";

  /** The metric tables, in creation order. */
  public static final List<String> METRICS = List.of(GAUGE, SUM, HISTOGRAM, EXP_HISTOGRAM, SUMMARY);

  /** Every role (tables and the trace-index view). */
  public static final Set<String> ALL =
      Set.of(
          GAUGE, SUM, HISTOGRAM, EXP_HISTOGRAM, SUMMARY, TRACES, TRACE_ID_TS, TRACE_ID_TS_MV, LOGS);

  /** System tables kubetel reads. */
  public static final Set<String> SYSTEM = Set.of("parts", "columns", "tables");

  private Tables() {}
}
