package io.kubetel.model.metrics;

/** The OTel metric kinds kubetel serves, each stored in its own exporter table. */
public enum MetricType {
  GAUGE("Gauge", "otel_metrics_gauge"),
  SUM("Sum", "otel_metrics_sum"),
  HISTOGRAM("Histogram", "otel_metrics_histogram");

  private final String displayName;
  private final String table;

  MetricType(String displayName, String table) {
    this.displayName = displayName;
    this.table = table;
  }

  /** The name shown to users and accepted in selectors: Gauge, Sum, Histogram. */
  public String displayName() {
    return displayName;
  }

  /** The exporter table holding this kind. */
  public String table() {
    return table;
  }
}
