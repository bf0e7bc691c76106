package io.kubetel.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kubetel.apiserver.metrics.MetricsResource;
import io.kubetel.apiserver.resource.ResourceInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Discovery documents kubectl reads: aggregated v2, legacy APIGroupList/APIResourceList, /api,
 * /version.
 */
class DiscoveryDocumentsTest {
  /** The served metrics resource as it describes itself (its schema plays no part here). */
  private static final ResourceInfo METRICS = new MetricsResource(null).info();

  private static final ResourceInfo QUERIES =
      new ResourceInfo(
          "queries",
          "query",
          "TelemetryQuery",
          List.of("tq"),
          true,
          List.of("create"),
          List.of("telemetry"),
          JsonNodeFactory.instance.objectNode());

  private final DiscoveryDocuments documents = new DiscoveryDocuments(List.of(METRICS, QUERIES));

  @Test
  void aggregatedDocumentHasWhatKubectlNeeds() {
    JsonNode version = documents.aggregated().at("/items/0/versions/0");
    JsonNode metrics = version.at("/resources/0");

    assertThat(documents.aggregated().get("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    assertThat(version.get("freshness").asText()).isEqualTo("Current");
    assertThat(metrics.get("scope").asText()).isEqualTo("Namespaced");
    assertThat(metrics.at("/responseKind/kind").asText()).isEqualTo("Metric");
    assertThat(metrics.get("singularResource").asText()).isEqualTo("metric");
    assertThat(metrics.get("shortNames").toString()).isEqualTo("[\"met\"]");
    assertThat(metrics.get("categories").toString()).isEqualTo("[\"telemetry\"]");
  }

  @Test
  void createOnlyResourcesStayOutOfCategories() {
    assertThat(
            documents.aggregated().at("/items/0/versions/0/resources/1/categories").isMissingNode())
        .isTrue();
    assertThat(documents.resourceList().at("/resources/1/categories").isMissingNode()).isTrue();
    assertThat(documents.resourceList().at("/resources/1/verbs").toString())
        .isEqualTo("[\"create\"]");
  }

  @Test
  void legacyDocumentsNameKindsAndNoCoreVersions() {
    assertThat(documents.resourceList().at("/resources/0/kind").asText()).isEqualTo("Metric");
    assertThat(documents.resourceList().at("/resources/0/namespaced").asBoolean()).isTrue();
    assertThat(documents.apiVersions().get("versions").size()).isZero();
    assertThat(documents.groupList().at("/groups/0/preferredVersion/groupVersion").asText())
        .isEqualTo("telemetry.kubetel.io/v1alpha1");
  }

  @Test
  void aggregatedAcceptIsRecognisedOnlyForJsonV2() {
    assertThat(
            DiscoveryEndpoints.wantsAggregated(
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                    + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                    + "application/json"))
        .isTrue();
    assertThat(DiscoveryEndpoints.wantsAggregated("application/json")).isFalse();
    assertThat(DiscoveryEndpoints.wantsAggregated(null)).isFalse();
    assertThat(
            DiscoveryEndpoints.wantsAggregated(
                "application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"))
        .isFalse();
    assertThat(
            DiscoveryEndpoints.wantsAggregated(
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"))
        .isFalse();
  }
}
