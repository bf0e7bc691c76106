package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kinds the chart renders that fabric8 has no types for (cert-manager's Certificate in
 * cert-manager mode, the Prometheus operator's ServiceMonitor with {@code serviceMonitor.enabled})
 * validated strictly against the schemas in {@code src/test/resources/foreign-schemas/}: known
 * apiVersion and kind, only the listed keys per level, required keys, types and the duration
 * pattern. Each kind has negative cases (misspelt key, wrong type, missing required key, unserved
 * version), and no rendering may hold a kind that neither fabric8 nor a schema here checks.
 */
class ForeignKindsTest {

  @Test
  void certificateAndServiceMonitorMatchTheirSchemas() {
    JsonNode cert = only(RenderedChart.of("cert-manager.yaml", Map.of()), "Certificate");
    JsonNode monitor = only(RenderedChart.of("ha.yaml", Map.of()), "ServiceMonitor");
    assertThat(check(cert)).isEmpty();
    assertThat(check(monitor)).isEmpty();
  }

  @Test
  void everyRenderedKindIsCheckedByFabric8OrASchema() {
    for (String values :
        new String[] {
          null, "cert-manager.yaml", "existing-secret.yaml", "ha.yaml", "trial-clickhouse.yaml"
        }) {
      for (ObjectNode m : RenderedChart.of(values, Map.of()).raw()) {
        if (!StrictManifests.typed(m)) {
          assertThat(CustomResourceSchemas.crdFor(schemas(), m))
              .as("a strict schema for " + Manifests.id(m) + " (" + values + ")")
              .isNotNull();
        }
      }
    }
  }

  @Test
  void aBrokenCertificateIsRefused() {
    JsonNode cert = only(RenderedChart.of("cert-manager.yaml", Map.of()), "Certificate");
    assertThat(
            check(
                change(
                    cert,
                    c -> {
                      ObjectNode ref = (ObjectNode) c.at("/spec/issuerRef");
                      ref.set("nmae", ref.remove("name"));
                    })))
        .containsExactlyInAnyOrder(
            "Certificate/kubetel-apiserver: spec.issuerRef: required field name is missing",
            "Certificate/kubetel-apiserver: spec.issuerRef.nmae: unknown field (the cluster would"
                + " drop it)");
    assertThat(check(change(cert, c -> ((ObjectNode) c.get("spec")).put("dnsNames", "a.svc"))))
        .containsExactly(
            "Certificate/kubetel-apiserver: spec.dnsNames: must be of type array, is string");
    assertThat(check(change(cert, c -> ((ObjectNode) c.get("spec")).remove("secretName"))))
        .containsExactly(
            "Certificate/kubetel-apiserver: spec: required field secretName is missing");
    assertThat(check(change(cert, c -> c.put("apiVersion", "cert-manager.io/v1alpha2"))))
        .containsExactly(
            "Certificate/kubetel-apiserver: apiVersion cert-manager.io/v1alpha2 is no served"
                + " version of certificates.cert-manager.io");
  }

  @Test
  void aBrokenServiceMonitorIsRefused() {
    JsonNode monitor = only(RenderedChart.of("ha.yaml", Map.of()), "ServiceMonitor");
    assertThat(
            check(
                change(
                    monitor,
                    m -> {
                      ObjectNode e = (ObjectNode) m.at("/spec/endpoints/0");
                      e.set("intervall", e.remove("interval"));
                    })))
        .containsExactly(
            "ServiceMonitor/kubetel-operator: spec.endpoints[0].intervall: unknown field (the"
                + " cluster would drop it)");
    assertThat(
            check(
                change(
                    monitor,
                    m -> ((ObjectNode) m.at("/spec/endpoints/0")).put("interval", "30s1m"))))
        .singleElement()
        .asString()
        .startsWith(
            "ServiceMonitor/kubetel-operator: spec.endpoints[0].interval: \"30s1m\" does not match");
    assertThat(check(change(monitor, m -> ((ObjectNode) m.get("spec")).remove("selector"))))
        .containsExactly(
            "ServiceMonitor/kubetel-operator: spec: required field selector is missing");
    assertThat(
            check(
                change(
                    monitor,
                    m -> ((ObjectNode) m.at("/spec/selector/matchLabels")).put("tier", 3))))
        .containsExactly(
            "ServiceMonitor/kubetel-operator: spec.selector.matchLabels.tier: must be of type"
                + " string, is number");
    assertThat(check(change(monitor, m -> ((ArrayNode) m.at("/spec/endpoints")).add("port"))))
        .containsExactly(
            "ServiceMonitor/kubetel-operator: spec.endpoints[1]: must be of type object, is"
                + " string");
  }

  private static List<String> check(JsonNode manifest) {
    JsonNode crd = CustomResourceSchemas.crdFor(schemas(), manifest);
    assertThat(crd).as("a schema for " + Manifests.id(manifest)).isNotNull();
    return CustomResourceSchemas.validate(crd, manifest);
  }

  private static JsonNode only(RenderedChart chart, String kind) {
    List<ObjectNode> found = chart.untyped(kind);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static ObjectNode change(JsonNode manifest, Consumer<ObjectNode> change) {
    ObjectNode copy = (ObjectNode) manifest.deepCopy();
    change.accept(copy);
    return copy;
  }

  static List<ObjectNode> schemas() {
    List<ObjectNode> crds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Repo.resource("foreign-schemas"))) {
      for (Path f : files.sorted().toList()) {
        crds.addAll(Manifests.parseAll(Files.readString(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return crds;
  }
}
