package io.kubetel.crds.dashboard;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.model.query.TelemetryQuerySpec;

/** One dashboard panel: a visualisation of one query at one grid position. */
@ValidationRule(
    value = "self.type != 'TraceList' || self.query.signal == 'traces'",
    message = "a TraceList panel needs a traces query")
@ValidationRule(
    value = "self.type != 'LogList' || self.query.signal == 'logs'",
    message = "a LogList panel needs a logs query")
@ValidationRule(
    value = "self.query.signal != 'metrics' || has(self.query.metric)",
    message = "query.metric is required when query.signal is metrics")
public class Panel {

  @Required
  @Size(min = 1, max = 200)
  @JsonPropertyDescription("Panel title.")
  private String title;

  @Required
  @JsonPropertyDescription("Visualisation: TimeSeries, Stat, Table, TraceList or LogList.")
  private PanelType type;

  @Size(max = 1000)
  @JsonPropertyDescription("Optional longer description shown as a tooltip.")
  private String description;

  @Size(max = 32)
  @JsonPropertyDescription("Unit of the values for display, e.g. ms, s, bytes, percent, req/s.")
  private String unit;

  @Required
  @JsonPropertyDescription(
      "The query drawn by the panel, scoped to the dashboard's namespace; filter values may use"
          + " dashboard variables as $name.")
  private TelemetryQuerySpec query;

  @Required
  @JsonPropertyDescription("Position and size on the 24-column grid.")
  private GridPosition gridPos;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public PanelType getType() {
    return type;
  }

  public void setType(PanelType type) {
    this.type = type;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public TelemetryQuerySpec getQuery() {
    return query;
  }

  public void setQuery(TelemetryQuerySpec query) {
    this.query = query;
  }

  public GridPosition getGridPos() {
    return gridPos;
  }

  public void setGridPos(GridPosition gridPos) {
    this.gridPos = gridPos;
  }
}
