package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The condition over the aggregated value of an AlertRule's query: a {@code Threshold} (comparator
 * and threshold) or an {@code Anomaly} (a learned detector per series, see {@link
 * AnomalyCondition}).
 */
@ValidationRule(
    value = "self.type != 'Threshold' || (has(self.comparator) && has(self.threshold))",
    message = "comparator and threshold are required for a Threshold condition")
@ValidationRule(
    value = "self.type != 'Anomaly' || (has(self.anomaly) && !has(self.threshold))",
    message = "an Anomaly condition needs anomaly and takes no threshold")
@ValidationRule(
    value = "self.type == 'Anomaly' || !has(self.anomaly)",
    message = "anomaly is only for an Anomaly condition")
public class AlertCondition {

  @Default("Threshold")
  @JsonPropertyDescription(
      "Kind of condition: Threshold (comparator and threshold) or Anomaly (anomaly). Defaults to"
          + " Threshold.")
  private ConditionType type = ConditionType.Threshold;

  @JsonPropertyDescription(
      "How the value is compared with the threshold: GreaterThan, GreaterThanOrEqual, LessThan,"
          + " LessThanOrEqual, Equal or NotEqual.")
  private Comparator comparator;

  @JsonPropertyDescription(
      "The threshold, in the unit of the query's value (e.g. 0.05 for a 5% ratio, 500 for 500 ms).")
  private Double threshold;

  @JsonPropertyDescription(
      "For an Anomaly condition: how sensitive, the optional season and the minimum duration.")
  private AnomalyCondition anomaly;

  public ConditionType getType() {
    return type;
  }

  public void setType(ConditionType type) {
    this.type = type;
  }

  public Comparator getComparator() {
    return comparator;
  }

  public void setComparator(Comparator comparator) {
    this.comparator = comparator;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public AnomalyCondition getAnomaly() {
    return anomaly;
  }

  public void setAnomaly(AnomalyCondition anomaly) {
    this.anomaly = anomaly;
  }
}
