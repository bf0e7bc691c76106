package io.kubetel.model.metrics;

/**
 * The five OTel metric kinds kubetel serves. Which exporter table holds each is storage's business
 * (the store maps them), so the model names none.
 */
public enum MetricType {
  GAUGE("Gauge"),
  SUM("Sum"),
  HISTOGRAM("Histogram"),
  EXPONENTIAL_HISTOGRAM("ExponentialHistogram"),
  SUMMARY("Summary");

  private final String displayName;

  MetricType(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The name shown to users and accepted in selectors: Gauge, Sum, Histogram, ExponentialHistogram,
   * Summary.
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether a point records observations (how many, their sum and how they are distributed) rather
   * than one value: explicit and exponential histograms and summaries. Their points' value is the
   * observation count and their statistics describe the observations.
   */
  public boolean recordsObservations() {
    return this == HISTOGRAM || this == EXPONENTIAL_HISTOGRAM || this == SUMMARY;
  }
}
