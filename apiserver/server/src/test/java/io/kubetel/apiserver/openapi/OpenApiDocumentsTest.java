package io.kubetel.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.resource.ResourceInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAPI v3/v2 documents: schemas and GVK extensions that kubectl explain and create rely on. */
class OpenApiDocumentsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/{namespace}/";

  private static ResourceInfo info(String plural, String kind, List<String> verbs) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("description", kind + " description.");
    schema.putObject("properties").putObject("status").put("nullable", true);
    return new ResourceInfo(
        plural, kind.toLowerCase(), kind, List.of(), true, verbs, List.of("telemetry"), schema);
  }

  private final ObjectNode v3 =
      OpenApiV3Document.build(
          List.of(
              info("metrics", "Metric", List.of("get", "list", "watch")),
              info("queries", "TelemetryQuery", List.of("create"))));

  @Test
  void componentsCarryGroupVersionKindAsList() {
    JsonNode metric = v3.at("/components/schemas/io.kubetel.telemetry.v1alpha1.Metric");
    JsonNode list = v3.at("/components/schemas/io.kubetel.telemetry.v1alpha1.MetricList");

    assertThat(metric.get("x-kubernetes-group-version-kind").isArray()).isTrue();
    assertThat(metric.at("/x-kubernetes-group-version-kind/0/kind").asText()).isEqualTo("Metric");
    assertThat(metric.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(list.at("/x-kubernetes-group-version-kind/0/kind").asText()).isEqualTo("MetricList");
    assertThat(v3.at("/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status").isObject())
        .isTrue();
  }

  @Test
  void operationsCarryGroupVersionKindAsObject() {
    JsonNode get = v3.at("/paths/" + escape(NS + "metrics/{name}") + "/get");

    assertThat(get.get("x-kubernetes-group-version-kind").isObject()).isTrue();
    assertThat(get.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo("Metric");
    assertThat(v3.at("/paths/" + escape(NS + "metrics/{name}") + "/patch").isMissingNode())
        .isTrue();
  }

  @Test
  void creatableKindsHavePatchWithFieldValidation() {
    JsonNode patch = v3.at("/paths/" + escape(NS + "queries/{name}") + "/patch");
    JsonNode post = v3.at("/paths/" + escape(NS + "queries") + "/post");

    assertThat(patch.at("/x-kubernetes-group-version-kind/kind").asText())
        .isEqualTo("TelemetryQuery");
    assertThat(patch.get("parameters").findValuesAsText("name")).contains("fieldValidation");
    assertThat(post.get("parameters").findValuesAsText("name")).contains("dryRun");
  }

  @Test
  void swaggerV2UsesDefinitionsAndFlatParameters() {
    ObjectNode v2 = SwaggerV2Converter.convert(v3);

    assertThat(v2.get("swagger").asText()).isEqualTo("2.0");
    assertThat(v2.toString()).doesNotContain("#/components/schemas/");
    JsonNode metric = v2.at("/definitions/io.kubetel.telemetry.v1alpha1.Metric");
    assertThat(metric.at("/properties/status/x-nullable").asBoolean()).isTrue();
    JsonNode post = v2.at("/paths/" + escape(NS + "queries") + "/post");
    assertThat(post.at("/parameters/0/type").asText()).isEqualTo("string");
    assertThat(post.get("parameters").findValuesAsText("in")).contains("body");
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
