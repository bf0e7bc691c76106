package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A namespace label selector, as in {@code metav1.LabelSelector}; all terms must match. */
public class NamespaceSelector {

  @JsonPropertyDescription("Labels a namespace must carry with exactly these values.")
  private Map<String, String> matchLabels = new LinkedHashMap<>();

  @Size(max = 32)
  @JsonPropertyDescription("Set-based requirements a namespace's labels must all satisfy.")
  private List<SelectorRequirement> matchExpressions = new ArrayList<>();

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  public List<SelectorRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<SelectorRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }
}
