package io.kubetel.crds.dashboard;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.StatusSchema;
import java.util.ArrayList;
import java.util.List;

/** The observed state of a Dashboard; deliberately small (no panel content is copied here). */
@JsonClassDescription(
    "Observed state of the dashboard: its panel count and conditions (Ready, Reconciling, Stalled,"
        + " Valid); no panel content is copied here.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = StatusSchema.class, input = "")
public class DashboardStatus {

  @JsonPropertyDescription("Number of panels in the spec.")
  private Integer panelCount;

  @JsonPropertyDescription("metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Reconciling (being checked again soon), Stalled (cannot progress without a change),"
          + " Valid (reason and message name the first bad panel); one per type.")
  private List<Condition> conditions = new ArrayList<>();

  public Integer getPanelCount() {
    return panelCount;
  }

  public void setPanelCount(Integer panelCount) {
    this.panelCount = panelCount;
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
