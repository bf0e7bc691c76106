package io.kubetel.model.labels;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A parsed Kubernetes label selector: requirements that must all hold. */
public record LabelSelector(List<LabelRequirement> requirements) {

  /** The selector that matches everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Whether an object with these labels is selected. */
  public boolean matches(Map<String, String> labels) {
    for (LabelRequirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }
}
