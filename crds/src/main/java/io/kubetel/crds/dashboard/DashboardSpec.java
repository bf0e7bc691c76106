package io.kubetel.crds.dashboard;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;
import java.util.ArrayList;
import java.util.List;

/** The content of a Dashboard. */
@JsonClassDescription(
    "The dashboard's content: title, time range, refresh interval, variables and panels of"
        + " telemetry queries over the dashboard's namespace on a 24-column grid.")
public class DashboardSpec {

  @Required
  @Size(min = 1, max = 200)
  @JsonPropertyDescription("Title shown at the top of the dashboard.")
  private String title;

  @Size(max = 2000)
  @JsonPropertyDescription("What the dashboard shows and for whom.")
  private String description;

  @Default("1h")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "timeRange must be greater than zero")
  @JsonPropertyDescription("Default look-back time range, e.g. 1h. Defaults to 1h.")
  private String timeRange = "1h";

  @Default("30s")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("How often the dashboard refreshes; 0s disables. Defaults to 30s.")
  private String refreshInterval = "30s";

  @Size(max = 20)
  @ValidationRule(
      value = "self.all(v, self.exists_one(w, w.name == v.name))",
      message = "variable names must be unique")
  @JsonPropertyDescription(
      "Variables the viewer picks values for; panels use them as $name in filter values.")
  private List<DashboardVariable> variables = new ArrayList<>();

  @Size(max = 100)
  @JsonPropertyDescription("Panels, laid out on a 24-column grid.")
  private List<Panel> panels = new ArrayList<>();

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTimeRange() {
    return timeRange;
  }

  public void setTimeRange(String timeRange) {
    this.timeRange = timeRange;
  }

  public String getRefreshInterval() {
    return refreshInterval;
  }

  public void setRefreshInterval(String refreshInterval) {
    this.refreshInterval = refreshInterval;
  }

  public List<DashboardVariable> getVariables() {
    return variables;
  }

  public void setVariables(List<DashboardVariable> variables) {
    this.variables = variables;
  }

  public List<Panel> getPanels() {
    return panels;
  }

  public void setPanels(List<Panel> panels) {
    this.panels = panels;
  }
}
