package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds kubetel's ClusterServiceVersion: the hand-written {@code csv-base.yaml} completed with
 * what other sources say, so nothing is written twice: version, {@code replaces} and {@code
 * olm.skipRange} from the project version; the owned CRDs' names and versions from {@code crds/};
 * deployments and permissions from the chart rendered in OLM mode; {@code alm-examples} from {@code
 * examples/}.
 */
final class CsvBuilder {
  static final String API_GROUP = "telemetry.kubetel.io";
  static final String API_VERSION = "v1alpha1";
  static final String APISERVER_DEPLOYMENT = "kubetel-apiserver";
  static final int APISERVER_PORT = 8443;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProjectVersion version;
  private final ObjectNode csv;

  CsvBuilder(ProjectVersion version) {
    this.version = version;
    this.csv = (ObjectNode) Manifests.parseAll(resource("csv-base.yaml")).get(0);
  }

  /** The finished CSV. */
  ObjectNode build(
      List<JsonNode> crds,
      List<JsonNode> examples,
      List<ObjectNode> deployments,
      Map<String, List<JsonNode>> clusterRules,
      Map<String, List<JsonNode>> namespaceRules,
      String operatorImage) {
    ObjectNode metadata = (ObjectNode) csv.get("metadata");
    metadata.put("name", version.csvName());
    ObjectNode annotations = (ObjectNode) metadata.get("annotations");
    annotations.put("alm-examples", almExamples(examples));
    annotations.put("containerImage", operatorImage);
    annotations.put("olm.skipRange", version.skipRange());
    annotations.put("operators.operatorframework.io/suggested-namespace", "kubetel-system");

    ObjectNode spec = (ObjectNode) csv.get("spec");
    spec.put("version", version.version());
    version.replacesCsv().ifPresent(r -> spec.put("replaces", r));
    ArrayNode icon = spec.putArray("icon");
    icon.addObject()
        .put("base64data", Base64.getEncoder().encodeToString(resource("icon.svg").getBytes()))
        .put("mediatype", "image/svg+xml");
    completeOwnedCrds((ArrayNode) spec.at("/customresourcedefinitions/owned"), crds);
    for (JsonNode api : spec.at("/apiservicedefinitions/owned")) {
      ((ObjectNode) api)
          .put("group", API_GROUP)
          .put("version", API_VERSION)
          .put("deploymentName", APISERVER_DEPLOYMENT)
          .put("containerPort", APISERVER_PORT);
    }

    ObjectNode install = spec.putObject("install");
    install.put("strategy", "deployment");
    ObjectNode installSpec = install.putObject("spec");
    installSpec.set("clusterPermissions", permissions(clusterRules));
    installSpec.set("permissions", permissions(namespaceRules));
    ArrayNode deploys = installSpec.putArray("deployments");
    for (ObjectNode d : deployments) {
      ObjectNode entry = deploys.addObject();
      entry.put("name", d.at("/metadata/name").asText());
      entry.set("label", d.at("/metadata/labels"));
      entry.set("spec", d.get("spec"));
    }
    return csv;
  }

  /** Fills name and version of each owned CRD from its generated YAML; both lists must agree. */
  private static void completeOwnedCrds(ArrayNode owned, List<JsonNode> crds) {
    Map<String, JsonNode> byKind = new LinkedHashMap<>();
    for (JsonNode crd : crds) {
      byKind.put(crd.at("/spec/names/kind").asText(), crd);
    }
    List<String> described = new ArrayList<>();
    for (JsonNode entry : owned) {
      String kind = entry.path("kind").asText();
      JsonNode crd = byKind.get(kind);
      if (crd == null) {
        throw new IllegalStateException(
            "csv-base.yaml describes kind " + kind + ", which no CRD in crds/ defines");
      }
      described.add(kind);
      String storage = "";
      for (JsonNode v : crd.at("/spec/versions")) {
        if (v.path("storage").asBoolean()) {
          storage = v.path("name").asText();
        }
      }
      ObjectNode e = (ObjectNode) entry;
      ObjectNode ordered = JSON.createObjectNode();
      ordered.put("name", crd.at("/metadata/name").asText());
      ordered.put("version", storage);
      ordered.setAll(e);
      e.removeAll();
      e.setAll(ordered);
    }
    for (String kind : byKind.keySet()) {
      if (!described.contains(kind)) {
        throw new IllegalStateException(
            "crds/ defines kind " + kind + ", which csv-base.yaml does not describe");
      }
    }
  }

  private static ArrayNode permissions(Map<String, List<JsonNode>> rulesByAccount) {
    ArrayNode out = JSON.createArrayNode();
    rulesByAccount.forEach(
        (account, rules) -> {
          ObjectNode p = out.addObject();
          p.put("serviceAccountName", account);
          p.putArray("rules").addAll(rules);
        });
    return out;
  }

  private static String almExamples(List<JsonNode> examples) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(examples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = CsvBuilder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
