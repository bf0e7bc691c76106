package io.kubetel.apiserver.resource;

import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.labels.LabelSyntax;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds object labels: well-known labels first, then record attributes whose key and value are
 * valid Kubernetes label key and value (others are left out, since labels must stay valid).
 */
public final class Labels {
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Set<String> reserved = new HashSet<>();

  /** Adds a well-known label when the value is a valid label value. */
  public Labels put(String key, String value) {
    reserved.add(key);
    if (value != null && !value.isEmpty() && LabelSyntax.isValidValue(value)) {
      labels.put(key, value);
    }
    return this;
  }

  /**
   * Adds the attributes that fit label rules, never overriding a well-known label nor using a
   * well-known field key (those select storage fields, not attributes).
   */
  public Labels attributes(Map<String, String> attributes) {
    attributes.forEach(
        (k, v) -> {
          if (!reserved.contains(k)
              && !FieldKeys.WELL_KNOWN.contains(k)
              && LabelSyntax.isValidKey(k)
              && !v.isEmpty()
              && LabelSyntax.isValidValue(v)) {
            labels.put(k, v);
          }
        });
    return this;
  }

  public Map<String, String> build() {
    return Map.copyOf(labels);
  }
}
