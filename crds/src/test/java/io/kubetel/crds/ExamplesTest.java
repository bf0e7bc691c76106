package io.kubetel.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML document under {@code examples/} is accepted by the generated CRD schemas (structure
 * and CEL rules) and reads into the Java types; the examples cover all three kinds.
 */
class ExamplesTest {

  static final Path EXAMPLES = Path.of("..", "examples");

  static final Map<String, String> PLURALS =
      Map.of(
          "TelemetryTenant",
          "telemetrytenants",
          "AlertRule",
          "alertrules",
          "Dashboard",
          "dashboards");

  static final Map<String, Class<?>> TYPES =
      Map.of(
          "TelemetryTenant", TelemetryTenant.class,
          "AlertRule", AlertRule.class,
          "Dashboard", Dashboard.class);

  @Test
  void everyExampleValidatesAgainstItsCrd() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    Set<String> kindsSeen = new HashSet<>();
    for (Path file : files) {
      for (JsonNode doc : documents(file)) {
        String kind = doc.path("kind").asText();
        assertThat(doc.path("apiVersion").asText()).as(file + " apiVersion").isNotEmpty();
        if (!doc.path("apiVersion").asText().startsWith("kubetel.io/")) {
          continue; // the receivers Secret; TelemetryQuery examples: QueryExamplesTest
        }
        assertThat(doc.path("apiVersion").asText()).isEqualTo("kubetel.io/v1alpha1");
        assertThat(PLURALS).as("known kind in " + file).containsKey(kind);
        kindsSeen.add(kind);
        assertThat(CrdSchema.load(PLURALS.get(kind)).validate(doc))
            .as(file + " (" + kind + " " + doc.at("/metadata/name").asText() + ")")
            .isEmpty();
        Object typed = Serialization.unmarshal(doc.toString(), TYPES.get(kind));
        assertThat(typed).isInstanceOf(TYPES.get(kind));
      }
    }
    assertThat(kindsSeen).containsExactlyInAnyOrder("TelemetryTenant", "AlertRule", "Dashboard");
  }

  @Test
  void alertExamplesReferenceSecretsThatTheExamplesDefine() throws IOException {
    Set<String> secretKeys = new HashSet<>();
    List<JsonNode> rules = new ArrayList<>();
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      for (Path file : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (JsonNode doc : documents(file)) {
          if (doc.path("kind").asText().equals("Secret")) {
            doc.path("stringData")
                .fieldNames()
                .forEachRemaining(k -> secretKeys.add(doc.at("/metadata/name").asText() + "/" + k));
          } else if (doc.path("kind").asText().equals("AlertRule")) {
            rules.add(doc);
          }
        }
      }
    }
    assertThat(rules).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode rule : rules) {
      for (JsonNode receiver : rule.at("/spec/receivers")) {
        receiver
            .findParents("key")
            .forEach(
                ref ->
                    assertThat(secretKeys)
                        .contains(ref.get("name").asText() + "/" + ref.get("key").asText()));
      }
    }
  }

  static List<JsonNode> documents(Path file) throws IOException {
    try (JsonParser parser = CrdSchema.YAML.getFactory().createParser(file.toFile());
        MappingIterator<JsonNode> it = CrdSchema.YAML.readValues(parser, JsonNode.class)) {
      return it.readAll().stream().filter(n -> n != null && !n.isNull()).toList();
    }
  }
}
