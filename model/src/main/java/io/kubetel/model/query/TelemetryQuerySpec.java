package io.kubetel.model.query;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.model.duration.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * The structured telemetry query shared by the TelemetryQuery API resource, AlertRule and Dashboard
 * panels: a signal, filters, an aggregation per step and group, and a time range.
 */
public class TelemetryQuerySpec {

  @Required
  @JsonPropertyDescription("Signal to query: metrics, traces or logs.")
  private Signal signal;

  @JsonPropertyDescription(
      "Metric name (the OTel MetricName), required when signal is metrics, e.g."
          + " http.server.request.duration.")
  private String metric;

  @JsonPropertyDescription("Filters that must all match.")
  private List<QueryFilter> filters = new ArrayList<>();

  @JsonPropertyDescription(
      "Aggregation per step and group: avg, sum, min, max, count, rate, p50, p90, p95 or p99."
          + " Defaults to avg for metrics and traces (span duration in ms) and count for logs.")
  private Aggregation aggregation;

  @JsonPropertyDescription(
      "Field keys to group by (same vocabulary as filter keys); one result series per group.")
  private List<String> groupBy = new ArrayList<>();

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @ValidationRule(value = Durations.CEL_NOT_ZERO, message = "step must be greater than zero")
  @JsonPropertyDescription(
      "Step between result points, a duration with units ms, s, m, h, d or w (e.g. 30s, 1m,"
          + " 1h). Defaults to a step giving about 60 points over the range.")
  private String step;

  @Pattern(Durations.PATTERN)
  @Size(max = Durations.MAX_LENGTH)
  @ValidationRule(value = Durations.CEL_NOT_ZERO, message = "range must be greater than zero")
  @JsonPropertyDescription(
      "Look-back range ending now, a duration with units ms, s, m, h, d or w (e.g. 15m, 1h, 7d)."
          + " Ignored when start is set. Defaults to 15m.")
  private String range;

  @JsonPropertyDescription("Absolute range start (RFC 3339). Takes precedence over range.")
  private String start;

  @JsonPropertyDescription("Absolute range end (RFC 3339). Defaults to now.")
  private String end;

  public Signal getSignal() {
    return signal;
  }

  public void setSignal(Signal signal) {
    this.signal = signal;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public List<QueryFilter> getFilters() {
    return filters;
  }

  public void setFilters(List<QueryFilter> filters) {
    this.filters = filters;
  }

  public Aggregation getAggregation() {
    return aggregation;
  }

  public void setAggregation(Aggregation aggregation) {
    this.aggregation = aggregation;
  }

  public List<String> getGroupBy() {
    return groupBy;
  }

  public void setGroupBy(List<String> groupBy) {
    this.groupBy = groupBy;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = range;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }
}
