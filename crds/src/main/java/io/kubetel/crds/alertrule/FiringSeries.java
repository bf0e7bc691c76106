package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.kubetel.crds.common.StatusSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** One firing series of an AlertRule, as its status lists it (at most ten, oldest first). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = StatusSchema.class, input = "since")
public class FiringSeries {

  @JsonPropertyDescription("The series' group-by labels; empty for a rule that does not group.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription("The series' value at the last evaluation; absent when it had none.")
  private Double value;

  @JsonPropertyDescription("When the series started firing (RFC 3339).")
  private String since;

  @JsonPropertyDescription(
      "For an Anomaly condition: the anomaly's grade, the range the detector expected and the"
          + " observed value.")
  private FiringAnomaly anomaly;

  public FiringAnomaly getAnomaly() {
    return anomaly;
  }

  public void setAnomaly(FiringAnomaly anomaly) {
    this.anomaly = anomaly;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }
}
