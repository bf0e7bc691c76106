package io.kubetel.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated CRDs carry what users and tools rely on: a description on every field, the status
 * subresource, the kubetel category, short names and printer columns.
 */
class CrdDefinitionTest {

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void everyFieldHasADescription(String plural) {
    JsonNode schema = CrdSchema.load(plural).openApiSchema();
    List<String> undocumented = new ArrayList<>();
    collectUndocumented(schema.path("properties").path("spec"), "spec", undocumented);
    collectUndocumented(schema.path("properties").path("status"), "status", undocumented);
    assertThat(undocumented).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void specIsRequired(String plural) {
    CrdSchema crd = CrdSchema.load(plural);
    assertThat(crd.openApiSchema().path("required").toString()).isEqualTo("[\"spec\"]");
    JsonNode withoutSpec =
        CrdSchema.yaml("{apiVersion: kubetel.io/v1alpha1, kind: X, metadata: {name: x}}");
    assertThat(crd.validate(withoutSpec)).singleElement().asString().contains("spec");
  }

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void hasStatusSubresourceCategoryShortNamesAndColumns(String plural) {
    JsonNode crd = CrdSchema.load(plural).crd();
    assertThat(crd.at("/spec/group").asText()).isEqualTo("kubetel.io");
    assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo("v1alpha1");
    assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
    assertThat(crd.at("/spec/names/categories").toString()).contains("\"kubetel\"");
    assertThat(crd.at("/spec/names/shortNames").size()).isPositive();
    List<String> columns = new ArrayList<>();
    crd.at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> columns.add(c.get("name").asText()));
    assertThat(columns).contains("Age");
    assertThat(columns.size()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void conditionsFollowTheKubernetesShape(String plural) {
    JsonNode condition =
        CrdSchema.load(plural).openApiSchema().at("/properties/status/properties/conditions/items");
    assertThat(condition.path("properties").has("type")).isTrue();
    assertThat(condition.path("properties").has("observedGeneration")).isTrue();
    assertThat(condition.path("properties").has("true"))
        .as("no helper getters in schema")
        .isFalse();
    assertThat(condition.path("required").toString())
        .contains("type", "status", "reason", "lastTransitionTime");
  }

  /**
   * kube-apiserver rejects CRDs whose CEL rules may cost too much; it estimates cost from maxItems
   * and maxLength. Every list or string carrying a rule must therefore be bounded, and so must the
   * items of a list a rule iterates.
   */
  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void celRulesOnlyApplyToBoundedValues(String plural) {
    List<String> unbounded = new ArrayList<>();
    collectUnbounded(CrdSchema.load(plural).openApiSchema(), "", unbounded);
    assertThat(unbounded).isEmpty();
  }

  private static void collectUnbounded(JsonNode node, String path, List<String> out) {
    if (node.has("x-kubernetes-validations")) {
      String type = node.path("type").asText();
      if (type.equals("array") && !node.has("maxItems")) {
        out.add(path + " (array without maxItems)");
      }
      if (type.equals("string") && !node.has("maxLength") && !node.has("enum")) {
        out.add(path + " (string without maxLength)");
      }
      JsonNode items = node.path("items");
      if (type.equals("array")
          && items.path("type").asText().equals("string")
          && !items.has("maxLength")
          && !items.has("enum")) {
        out.add(path + "[] (string items without maxLength)");
      }
    }
    JsonNode props = node.path("properties");
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      collectUnbounded(props.get(name), path + "." + name, out);
    }
    if (node.has("items")) {
      collectUnbounded(node.get("items"), path + "[]", out);
    }
  }

  private static void collectUndocumented(JsonNode node, String path, List<String> out) {
    if (!node.has("description") && !path.equals("spec") && !path.equals("status")) {
      out.add(path);
    }
    JsonNode props = node.path("properties");
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      collectUndocumented(props.get(name), path + "." + name, out);
    }
    JsonNode items = node.path("items");
    if (items.has("properties")) {
      for (Iterator<String> it = items.path("properties").fieldNames(); it.hasNext(); ) {
        String name = it.next();
        collectUndocumented(items.path("properties").get(name), path + "[]." + name, out);
      }
    }
  }
}
