package io.kubetel.crds.dashboard;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubetel.model.query.Signal;

/**
 * A dashboard variable: its values are the values of one field key (e.g. service, pod) seen in the
 * dashboard's namespace.
 */
public class DashboardVariable {

  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-zA-Z_][a-zA-Z0-9_]*$")
  @JsonPropertyDescription("Variable name, referenced as $name in panel filter values.")
  private String name;

  @Size(max = 100)
  @JsonPropertyDescription("Label shown next to the picker; defaults to the name.")
  private String label;

  @Required
  @Size(min = 1, max = 256)
  @JsonPropertyDescription(
      "Field key whose values are offered (same vocabulary as query filter keys), e.g. service.")
  private String key;

  @Default("metrics")
  @JsonPropertyDescription("Signal the values are read from. Defaults to metrics.")
  private Signal signal = Signal.METRICS;

  @Size(max = 256)
  @JsonPropertyDescription("Value selected when the dashboard opens; empty means all.")
  private String defaultValue;

  @JsonPropertyDescription("Whether several values may be selected at once.")
  private boolean multi;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public Signal getSignal() {
    return signal;
  }

  public void setSignal(Signal signal) {
    this.signal = signal;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
  }

  public boolean isMulti() {
    return multi;
  }

  public void setMulti(boolean multi) {
    this.multi = multi;
  }
}
