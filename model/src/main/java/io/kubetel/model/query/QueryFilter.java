package io.kubetel.model.query;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/** One filter of a TelemetryQuery: a field key, an operator and values. */
public class QueryFilter {

  @Required
  @JsonPropertyDescription(
      "Field key: service, namespace, pod, node, severity, status, span, kind, traceId,"
          + " resource.<attribute> for a resource attribute, or any other key for a record"
          + " attribute (e.g. http.route).")
  private String key;

  @JsonPropertyDescription(
      "Operator: Equals, NotEquals, In, NotIn, Exists or DoesNotExist. Defaults to Equals.")
  private QueryFilterOperator operator = QueryFilterOperator.Equals;

  @JsonPropertyDescription(
      "Values to compare with: exactly one for Equals/NotEquals, at least one for In/NotIn, none"
          + " for Exists/DoesNotExist.")
  private List<String> values = new ArrayList<>();

  public QueryFilter() {}

  public QueryFilter(String key, QueryFilterOperator operator, List<String> values) {
    this.key = key;
    this.operator = operator;
    this.values = new ArrayList<>(values);
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public QueryFilterOperator getOperator() {
    return operator;
  }

  public void setOperator(QueryFilterOperator operator) {
    this.operator = operator;
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = values;
  }
}
