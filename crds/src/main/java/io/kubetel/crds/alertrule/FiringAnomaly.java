package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The anomaly behind a firing series of an AlertRule with an Anomaly condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FiringAnomaly {

  @JsonPropertyDescription("How anomalous, from 0 (normal) to 1 (certain), at its most anomalous.")
  private Double grade;

  @JsonPropertyDescription("The low end of the range the detector expected at that point.")
  private Double expectedLow;

  @JsonPropertyDescription("The high end of the range the detector expected at that point.")
  private Double expectedHigh;

  @JsonPropertyDescription("The value observed at the anomaly's most anomalous point.")
  private Double observed;

  public Double getGrade() {
    return grade;
  }

  public void setGrade(Double grade) {
    this.grade = grade;
  }

  public Double getExpectedLow() {
    return expectedLow;
  }

  public void setExpectedLow(Double expectedLow) {
    this.expectedLow = expectedLow;
  }

  public Double getExpectedHigh() {
    return expectedHigh;
  }

  public void setExpectedHigh(Double expectedHigh) {
    this.expectedHigh = expectedHigh;
  }

  public Double getObserved() {
    return observed;
  }

  public void setObserved(Double observed) {
    this.observed = observed;
  }
}
