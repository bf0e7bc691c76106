package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;

/**
 * Retention per signal. Data is stored in daily partitions; a partition is removed once all of it
 * is older than the retention.
 */
public class Retention {

  @Default("30d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "retention must be greater than zero")
  @JsonPropertyDescription("How long metrics are kept, e.g. 30d. Defaults to 30d.")
  private String metrics = "30d";

  @Default("7d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "retention must be greater than zero")
  @JsonPropertyDescription("How long traces are kept, e.g. 7d. Defaults to 7d.")
  private String traces = "7d";

  @Default("14d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "retention must be greater than zero")
  @JsonPropertyDescription("How long logs are kept, e.g. 14d. Defaults to 14d.")
  private String logs = "14d";

  public String getMetrics() {
    return metrics;
  }

  public void setMetrics(String metrics) {
    this.metrics = metrics;
  }

  public String getTraces() {
    return traces;
  }

  public void setTraces(String traces) {
    this.traces = traces;
  }

  public String getLogs() {
    return logs;
  }

  public void setLogs(String logs) {
    this.logs = logs;
  }
}
