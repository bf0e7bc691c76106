package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.StatusSchema;
import java.util.ArrayList;
import java.util.List;

/** The observed state of an AlertRule (evaluation fields are written by the alert evaluator). */
@JsonClassDescription(
    "Observed state of the rule: the evaluation (state, last evaluation and value, firing since;"
        + " written by the alert evaluator) and conditions (Ready, Reconciling, Stalled, Valid).")
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = StatusSchema.class, input = "lastEvaluationTime,firingSince")
public class AlertRuleStatus {

  @JsonPropertyDescription("Inactive, Pending (condition holds, for not yet elapsed) or Firing.")
  private AlertState state;

  @JsonPropertyDescription("Time of the last evaluation (RFC 3339).")
  private String lastEvaluationTime;

  @JsonPropertyDescription("Value the query returned at the last evaluation.")
  private Double lastValue;

  @JsonPropertyDescription("Time the rule started firing (RFC 3339); absent when not firing.")
  private String firingSince;

  @JsonPropertyDescription(
      "Up to ten firing series, oldest first (firingCount says how many fire).")
  private List<FiringSeries> firingSeries;

  @JsonPropertyDescription("How many series fire.")
  private Integer firingCount;

  @JsonPropertyDescription("metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling (being checked again soon), Stalled (cannot progress without a change),"
          + " Valid (spec checked against the schema and data), Evaluated (the last evaluation ran"
          + " and every receiver accepted its last notification); one per type.")
  private List<Condition> conditions = new ArrayList<>();

  public AlertState getState() {
    return state;
  }

  public void setState(AlertState state) {
    this.state = state;
  }

  public String getLastEvaluationTime() {
    return lastEvaluationTime;
  }

  public void setLastEvaluationTime(String lastEvaluationTime) {
    this.lastEvaluationTime = lastEvaluationTime;
  }

  public Double getLastValue() {
    return lastValue;
  }

  public void setLastValue(Double lastValue) {
    this.lastValue = lastValue;
  }

  public String getFiringSince() {
    return firingSince;
  }

  public void setFiringSince(String firingSince) {
    this.firingSince = firingSince;
  }

  public List<FiringSeries> getFiringSeries() {
    return firingSeries;
  }

  public void setFiringSeries(List<FiringSeries> firingSeries) {
    this.firingSeries = firingSeries;
  }

  public Integer getFiringCount() {
    return firingCount;
  }

  public void setFiringCount(Integer firingCount) {
    this.firingCount = firingCount;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
