package io.kubetel.apiserver.customresources;

import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.discovery.DiscoveryDocuments;
import io.kubetel.apiserver.discovery.DiscoveryEndpoints;
import io.kubetel.apiserver.discovery.ServedGroup;
import io.kubetel.apiserver.openapi.OpenApiEndpoints;
import io.kubetel.apiserver.testing.TestApiServer;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards and AlertRules served from files through the production router, discovery and OpenAPI:
 * what a client sees (status, Table, objects, watch events, Status errors).
 */
class CustomResourceHandlerTest {
  private static final String BASE = "/apis/kubetel.io/v1alpha1";
  private static final String OTHER =
      CustomResourceLoaderTest.DASHBOARD
          .replace("name: overview", "name: other")
          .replace("namespace: shop", "namespace: team-b")
          .replace("labels: {team: shop}", "labels: {team: b}");

  @TempDir static Path dir;
  private static TestApiServer server;
  private static CustomResourceSet set;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), CustomResourceLoaderTest.DASHBOARD + "---\n" + OTHER);
    List<CrdKind> kinds = CrdKind.served();
    set = new CustomResourceLoader(kinds).load(dir);
    CustomResourceEndpoints endpoints =
        new CustomResourceEndpoints(kinds, set, Clock.systemUTC(), Duration.ofSeconds(30));
    ServedGroup group = new ServedGroup("kubetel.io", "v1alpha1", endpoints.infos());
    server =
        new TestApiServer(
            List.of(
                new DiscoveryEndpoints(new DiscoveryDocuments(List.of()).with(group)),
                new OpenApiEndpoints(List.of(), List.of(group)),
                endpoints),
            workers -> List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void listsAcrossNamespacesAsObjects() {
    TestApiServer.Reply reply = server.get(BASE + "/dashboards", "application/json");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("kind").asText()).isEqualTo("DashboardList");
    assertThat(reply.json().get("apiVersion").asText()).isEqualTo("kubetel.io/v1alpha1");
    assertThat(reply.json().at("/metadata/resourceVersion").asText())
        .isEqualTo(set.resourceVersion());
    assertThat(reply.json().get("items"))
        .extracting(i -> i.at("/metadata/name").asText())
        .containsExactly("overview", "other");
  }

  @Test
  void tablesCarryTheCrdColumnsAndMetadata() {
    TestApiServer.Reply reply = server.get(BASE + "/namespaces/shop/dashboards", TABLE_ACCEPT);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("columnDefinitions"))
        .extracting(c -> c.get("name").asText() + ":" + c.get("priority").asInt())
        // The CRD's order (Ready first, Age last), behind the Name every Table starts with.
        .containsExactly(
            "Name:0", "Ready:0", "Title:0", "Panels:0", "Reason:1", "Valid:1", "Age:0");
    JsonNode row = reply.json().at("/rows/0");
    assertThat(row.at("/cells/0").asText()).isEqualTo("overview");
    assertThat(row.at("/cells/2").asText()).isEqualTo("Shop overview");
    assertThat(row.at("/cells/4").isNull()).isTrue();
    assertThat(row.at("/object/kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.at("/object/metadata/namespace").asText()).isEqualTo("shop");
    assertThat(reply.json().get("rows")).hasSize(1);
  }

  @Test
  void getsOneByNameAsObjectOrTable() {
    TestApiServer.Reply object =
        server.get(BASE + "/namespaces/shop/dashboards/overview", "application/json");
    TestApiServer.Reply table =
        server.get(BASE + "/namespaces/shop/dashboards/overview", TABLE_ACCEPT);

    assertThat(object.status()).isEqualTo(200);
    assertThat(object.json().at("/spec/title").asText()).isEqualTo("Shop overview");
    assertThat(object.json().at("/metadata/uid").asText()).hasSize(36);
    assertThat(table.json().at("/rows/0/cells/0").asText()).isEqualTo("overview");
  }

  @Test
  void notFoundIsWordedLikeKubeApiserver() {
    TestApiServer.Reply missing =
        server.get(BASE + "/namespaces/shop/dashboards/nope", "application/json");
    TestApiServer.Reply noNamespace = server.get(BASE + "/dashboards/overview", "application/json");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText())
        .isEqualTo("dashboards.kubetel.io \"nope\" not found");
    assertThat(missing.json().at("/details/group").asText()).isEqualTo("kubetel.io");
    assertThat(missing.json().at("/details/kind").asText()).isEqualTo("dashboards");
    assertThat(noNamespace.status()).isEqualTo(404);
  }

  @Test
  void writesAreMethodNotAllowed() {
    TestApiServer.Reply post =
        server.send(
            HttpMethod.POST,
            BASE + "/namespaces/shop/alertrules",
            "application/json",
            "application/json",
            "{}");

    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().get("reason").asText()).isEqualTo("MethodNotAllowed");
    assertThat(post.json().get("message").asText()).contains("read-only", "--custom-resources-dir");
  }

  @Test
  void labelAndFieldSelectorsFilter() {
    TestApiServer.Reply labels =
        server.get(BASE + "/dashboards?labelSelector=team%3Db", "application/json");
    TestApiServer.Reply name =
        server.get(BASE + "/dashboards?fieldSelector=metadata.name%3Doverview", "application/json");
    TestApiServer.Reply namespace =
        server.get(
            BASE + "/dashboards?fieldSelector=metadata.namespace!%3Dshop", "application/json");
    TestApiServer.Reply unsupported =
        server.get(BASE + "/dashboards?fieldSelector=spec.title%3Dx", "application/json");

    assertThat(labels.json().get("items"))
        .extracting(i -> i.at("/metadata/name").asText())
        .containsExactly("other");
    assertThat(name.json().get("items"))
        .extracting(i -> i.at("/metadata/name").asText())
        .containsExactly("overview");
    assertThat(namespace.json().get("items"))
        .extracting(i -> i.at("/metadata/name").asText())
        .containsExactly("other");
    assertThat(unsupported.status()).isEqualTo(400);
    assertThat(unsupported.json().get("message").asText())
        .isEqualTo("field label not supported: spec.title");
  }

  @Test
  void watchWithoutVersionSendsEveryObjectAsAddedAndStaysOpen() throws Exception {
    try (TestApiServer.Stream stream =
        server.stream(BASE + "/dashboards?watch=true", TABLE_ACCEPT)) {
      JsonNode first = stream.next(5);
      JsonNode second = stream.next(5);

      assertThat(stream.status).isEqualTo(200);
      assertThat(first.get("type").asText()).isEqualTo("ADDED");
      assertThat(first.at("/object/columnDefinitions")).hasSize(7);
      assertThat(first.at("/object/rows/0/cells/0").asText()).isEqualTo("overview");
      assertThat(second.at("/object/columnDefinitions").isNull()).isTrue();
      assertThat(stream.next(1)).isNull();
      assertThat(stream.ended).isFalse();
    }
  }

  @Test
  void watchFromTheCurrentVersionIsQuietAndEndsAtTheTimeout() throws Exception {
    String path =
        BASE
            + "/namespaces/shop/dashboards?watch=1&timeoutSeconds=1&resourceVersion="
            + set.resourceVersion();
    try (TestApiServer.Stream stream = server.stream(path, "application/json")) {
      assertThat(stream.next(3)).isNull();
      assertThat(stream.ended).isTrue();
    }
  }

  @Test
  void watchFromAnotherVersionIsExpired() throws Exception {
    try (TestApiServer.Stream stream =
        server.stream(BASE + "/dashboards?watch=true&resourceVersion=12345", "application/json")) {
      JsonNode error = stream.next(5);

      assertThat(error.get("type").asText()).isEqualTo("ERROR");
      assertThat(error.at("/object/code").asInt()).isEqualTo(410);
      assertThat(error.at("/object/reason").asText()).isEqualTo("Expired");
    }
  }

  @Test
  void discoveryListsTheGroupWithShortNamesAndCategories() {
    TestApiServer.Reply legacy = server.get("/apis", "application/json");
    TestApiServer.Reply resources = server.get(BASE, "application/json");
    TestApiServer.Reply group = server.get("/apis/kubetel.io", "application/json");
    TestApiServer.Reply aggregated =
        server.get("/apis", DiscoveryEndpoints.AGGREGATED_V2 + ",application/json");

    assertThat(legacy.json().get("groups"))
        .extracting(g -> g.get("name").asText())
        .contains("kubetel.io");
    assertThat(group.json().at("/preferredVersion/groupVersion").asText())
        .isEqualTo("kubetel.io/v1alpha1");
    JsonNode alertRules = resources.json().at("/resources/1");
    assertThat(alertRules.get("name").asText()).isEqualTo("alertrules");
    assertThat(alertRules.get("shortNames").toString()).isEqualTo("[\"kar\",\"krule\"]");
    assertThat(alertRules.get("categories").toString()).isEqualTo("[\"kubetel\"]");
    assertThat(alertRules.get("verbs").toString()).isEqualTo("[\"get\",\"list\",\"watch\"]");
    JsonNode kubetel = aggregated.json().at("/items/1");
    assertThat(kubetel.at("/metadata/name").asText()).isEqualTo("kubetel.io");
    assertThat(kubetel.at("/versions/0/resources/0/responseKind/kind").asText())
        .isEqualTo("Dashboard");
  }

  @Test
  void openApiPublishesTheCrdSchemas() {
    TestApiServer.Reply index = server.get("/openapi/v3", "application/json");
    String url = index.json().at("/paths/apis~1kubetel.io~1v1alpha1/serverRelativeURL").asText();
    TestApiServer.Reply document = server.get(url, "application/json");
    TestApiServer.Reply cached =
        server.send(
            HttpMethod.GET, url.substring(0, url.indexOf('?')), "application/json", null, null);

    assertThat(url).startsWith("/openapi/v3/apis/kubetel.io/v1alpha1?hash=");
    JsonNode dashboard = document.json().at("/components/schemas/io.kubetel.v1alpha1.Dashboard");
    assertThat(dashboard.at("/properties/spec/properties/panels/description").asText())
        .isEqualTo("Panels, laid out on a 24-column grid.");
    assertThat(dashboard.at("/x-kubernetes-group-version-kind/0/group").asText())
        .isEqualTo("kubetel.io");
    assertThat(
            document
                .json()
                .at(
                    "/paths/~1apis~1kubetel.io~1v1alpha1~1namespaces~1{namespace}~1alertrules~1{name}"
                        + "/get/x-kubernetes-group-version-kind/kind")
                .asText())
        .isEqualTo("AlertRule");
    assertThat(cached.status()).isEqualTo(200);
  }
}
