package io.kubetel.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated CRDs carry what users and tools rely on: a description on every field (the root
 * spec and status too), the status subresource, the kubetel category, short names, printer columns
 * with Ready first and Age last, conditions as a map list keyed by type, and the RFC 3339 times of
 * the status declared as date-time.
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
    assertThat(columns.size()).isGreaterThanOrEqualTo(4);
    // kubectl shows columns in this order: what is the object's state first, how old last.
    assertThat(columns.get(0)).isEqualTo("Ready");
    assertThat(columns.get(columns.size() - 1)).isEqualTo("Age");
  }

  @Test
  void columnsComeInTheOrderTheKindsDeclare() {
    assertThat(columnNames("telemetrytenants"))
        .containsExactly("Ready", "Reason", "Database", "Namespaces", "Age");
    assertThat(columnNames("alertrules"))
        .containsExactly("Ready", "State", "Severity", "Reason", "Valid", "Last Value", "Age");
    assertThat(columnNames("dashboards"))
        .containsExactly("Ready", "Title", "Panels", "Reason", "Valid", "Age");
  }

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void conditionsAreAMapListKeyedByType(String plural) {
    JsonNode conditions =
        CrdSchema.load(plural).openApiSchema().at("/properties/status/properties/conditions");
    assertThat(conditions.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    assertThat(conditions.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"type\"]");
    // A map key must be required (or defaulted), or kube-apiserver refuses the CRD.
    assertThat(conditions.path("items").path("required").toString()).contains("\"type\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"telemetrytenants", "alertrules", "dashboards"})
  void everyStatusTimestampIsADateTime(String plural) {
    // The status times the operator and the evaluator write; a query's start/end in the spec are
    // the shared query model's, checked by its validator with its own messages.
    List<String> timestamps = new ArrayList<>();
    collectTimestamps(
        CrdSchema.load(plural).openApiSchema().at("/properties/status"), ".status", timestamps);
    assertThat(timestamps).contains(".status.conditions[].lastTransitionTime");
    assertThat(timestamps)
        .allSatisfy(
            path ->
                assertThat(CrdSchema.load(plural).openApiSchema().at(pointer(path)).path("format"))
                    .as(path)
                    .hasToString("\"date-time\""));
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

  private static List<String> columnNames(String plural) {
    List<String> columns = new ArrayList<>();
    CrdSchema.load(plural)
        .crd()
        .at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> columns.add(c.get("name").asText()));
    return columns;
  }

  /** Fields whose description says they hold a time (RFC 3339), as .a.b[].c paths. */
  private static void collectTimestamps(JsonNode node, String path, List<String> out) {
    if (node.path("type").asText().equals("string")
        && node.path("description").asText().contains("RFC 3339")) {
      out.add(path);
    }
    JsonNode props = node.path("properties");
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      collectTimestamps(props.get(name), path + "." + name, out);
    }
    if (node.has("items")) {
      collectTimestamps(node.get("items"), path + "[]", out);
    }
  }

  /** The JSON pointer of a .a.b[].c schema path. */
  private static String pointer(String path) {
    return path.replace("[]", "/items").replace(".", "/properties/");
  }

  private static void collectUndocumented(JsonNode node, String path, List<String> out) {
    if (!node.has("description")) {
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
