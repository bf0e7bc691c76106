package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** One set-based label requirement of a {@link NamespaceSelector}. */
@ValidationRule(
    value = "(self.operator in ['In', 'NotIn']) == (has(self.values) && size(self.values) > 0)",
    message = "values must be non-empty for In and NotIn and empty for Exists and DoesNotExist")
public class SelectorRequirement {

  @Required
  @Size(min = 1, max = 317)
  @JsonPropertyDescription("Label key the requirement applies to.")
  private String key;

  @Required
  @JsonPropertyDescription("Operator: In, NotIn, Exists or DoesNotExist.")
  private SelectorOperator operator;

  @Size(max = 64)
  @JsonPropertyDescription("Label values; non-empty for In and NotIn, empty otherwise.")
  private List<String> values = new ArrayList<>();

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public SelectorOperator getOperator() {
    return operator;
  }

  public void setOperator(SelectorOperator operator) {
    this.operator = operator;
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = values;
  }
}
