package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;
import java.time.Duration;

/**
 * Retention per signal, at least {@link #MINIMUM} each. Data is stored in daily partitions; a
 * partition is removed once all of it is older than the retention.
 */
public class Retention {

  /**
   * The shortest retention of a signal: shorter ones would expire data as fast as it arrives (a
   * typo such as {@code 1ms} for {@code 1d} would empty the tenant's tables). The schema refuses
   * less; the operator reports a stored object with less and changes no data.
   */
  public static final Duration MINIMUM = Duration.ofHours(1);

  @Default("30d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_AT_LEAST_ONE_HOUR,
      message = "retention must be at least 1h")
  @JsonPropertyDescription("How long metrics are kept, at least 1h, e.g. 30d. Defaults to 30d.")
  private String metrics = "30d";

  @Default("7d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_AT_LEAST_ONE_HOUR,
      message = "retention must be at least 1h")
  @JsonPropertyDescription("How long traces are kept, at least 1h, e.g. 7d. Defaults to 7d.")
  private String traces = "7d";

  @Default("14d")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_AT_LEAST_ONE_HOUR,
      message = "retention must be at least 1h")
  @JsonPropertyDescription("How long logs are kept, at least 1h, e.g. 14d. Defaults to 14d.")
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
