package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;

/**
 * An AlertRule condition that needs no hand-set threshold: each series of the query's value is fed
 * to a detector that learns what is normal for it (see docs/anomaly.md); the rule fires when a
 * series stays anomalous for {@code minimumDuration}, with the anomaly grade, the expected range
 * and the observed value.
 */
public class AnomalyCondition {

  /** How readily a series is called anomalous. */
  public enum Sensitivity {
    Low,
    Medium,
    High
  }

  @Default("Medium")
  @JsonPropertyDescription(
      "How readily a value is called anomalous: Low (fewer, surer alerts), Medium (the defaults"
          + " tuned on the anomaly benchmark) or High (earlier, more alerts). Defaults to Medium.")
  private Sensitivity sensitivity = Sensitivity.Medium;

  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "season must be greater than zero")
  @JsonPropertyDescription(
      "The series' season when it has a known strong one, e.g. 1d for daily traffic or 1w: the"
          + " detector then learns a profile per time of season (the robust seasonal baseline)."
          + " Unset: the Random Cut Forest, which needs no season.")
  private String season;

  @Default("0s")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "How long a series must stay anomalous before the rule fires, e.g. 10m; shorter blips"
          + " never notify. Defaults to 0s (fire on the first anomalous value).")
  private String minimumDuration = "0s";

  public Sensitivity getSensitivity() {
    return sensitivity;
  }

  public void setSensitivity(Sensitivity sensitivity) {
    this.sensitivity = sensitivity;
  }

  public String getSeason() {
    return season;
  }

  public void setSeason(String season) {
    this.season = season;
  }

  public String getMinimumDuration() {
    return minimumDuration;
  }

  public void setMinimumDuration(String minimumDuration) {
    this.minimumDuration = minimumDuration;
  }
}
