package io.kubetel.model.labels;

import java.util.List;
import java.util.Map;

/**
 * One requirement of a label selector, with Kubernetes matching semantics (negative operators match
 * objects that lack the label).
 */
public record LabelRequirement(String key, LabelOperator operator, List<String> values) {

  public LabelRequirement {
    values = List.copyOf(values);
  }

  /** Whether an object with these labels satisfies the requirement. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(key);
    return switch (operator) {
      case EQUALS, IN -> actual != null && values.contains(actual);
      case NOT_EQUALS, NOT_IN -> actual == null || !values.contains(actual);
      case EXISTS -> actual != null;
      case NOT_EXISTS -> actual == null;
      case GREATER_THAN -> compare(actual) > 0;
      case LESS_THAN -> compare(actual) < 0;
    };
  }

  /** Sign of (actual - bound) for integer labels; 0 (no match) when the label is not an integer. */
  private int compare(String actual) {
    if (actual == null) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(actual), Long.parseLong(values.get(0)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The canonical selector text of this requirement. */
  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.get(0);
      case NOT_EQUALS -> key + "!=" + values.get(0);
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case NOT_EXISTS -> "!" + key;
      case GREATER_THAN -> key + ">" + values.get(0);
      case LESS_THAN -> key + "<" + values.get(0);
    };
  }
}
