package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Standalone mode with {@code --custom-resources-dir}: the repository's examples (namespace {@code
 * shop}) plus fixtures in namespace {@code storefront}, served as read-only kubetel.io Dashboards
 * and AlertRules to the real kubectl (get, list across namespaces, YAML, NotFound, explain, the
 * kubetel category, watch), and a bad file that stops the server with a message naming it.
 */
class CustomResourcesKubectlIT {
  static final String STOREFRONT =
      """
      apiVersion: kubetel.io/v1alpha1
      kind: Dashboard
      metadata:
        name: storefront
        namespace: storefront
        labels: {team: shop}
      spec:
        title: Storefront
        panels:
          - title: Requests
            type: TimeSeries
            query: {signal: traces, aggregation: rate}
            gridPos: {x: 0, y: 0, w: 12, h: 8}
      ---
      apiVersion: kubetel.io/v1alpha1
      kind: AlertRule
      metadata:
        name: storefront-errors
        namespace: storefront
      spec:
        query: {signal: traces, aggregation: rate, range: 5m}
        condition: {type: Threshold, comparator: GreaterThan, threshold: 5}
        severity: warning
      """;

  private static Path work;
  private static ApiServerProcess server;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-custom-resources-");
    Path dir = Files.createDirectories(work.resolve("resources"));
    copyExamples(dir);
    Files.writeString(dir.resolve("storefront.yaml"), STOREFRONT);
    server =
        ApiServerProcess.start(
            work.resolve("state"),
            E2eServerMain.class.getName(),
            List.of("--custom-resources-dir", dir.toString()));
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private static void copyExamples(Path dir) throws Exception {
    Path examples = Path.of("../../examples").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve("examples").resolve(examples.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }

  @Test
  void getDashboardsAcrossNamespacesShowsTheCrdColumns() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "dashboards", "-A");

    List<String> lines = result.stdout().lines().toList();
    // The CRD's column order: READY first, AGE last (files have no status: READY, PANELS empty).
    assertThat(lines.get(0)).matches("NAMESPACE\\s+NAME\\s+READY\\s+TITLE\\s+PANELS\\s+AGE\\s*");
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).matches("storefront\\s+storefront\\s+Storefront\\s+\\S+\\s*"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("shop\\s+service-overview\\s+Shop service overview\\s+\\S+\\s*"));
  }

  @Test
  void getAlertRulesAsYamlCarriesStableMetadata() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "alertrules", "-n", "storefront", "-o", "yaml");

    assertThat(result.stdout())
        .contains("kind: List")
        .contains("apiVersion: kubetel.io/v1alpha1")
        .contains("kind: AlertRule")
        .contains("name: storefront-errors")
        .contains("namespace: storefront")
        .containsPattern("uid: [0-9a-f-]{36}")
        .containsPattern("resourceVersion: \"\\d+\"")
        .contains("creationTimestamp: \"20")
        .contains("severity: warning")
        .doesNotContain("checkout-error-rate");
  }

  @Test
  void getByNameByShortNameAndWithSelectors() throws Exception {
    Kubectl.Result byName = kubectl.ok("get", "dashboard", "storefront", "-n", "storefront");
    Kubectl.Result shortName = kubectl.run("get", "kar", "-n", "shop", "-o", "name");
    Kubectl.Result labels = kubectl.run("get", "kdash", "-A", "-l", "team=shop", "-o", "name");
    Kubectl.Result fields =
        kubectl.run(
            "get",
            "alertrules",
            "-A",
            "--field-selector",
            "metadata.name=checkout-error-rate",
            "-o",
            "name");

    assertThat(byName.stdout()).containsPattern("storefront\\s+Storefront\\s+\\S+");
    assertThat(shortName.stdout().lines())
        .containsExactly(
            "alertrule.kubetel.io/checkout-error-rate",
            "alertrule.kubetel.io/checkout-latency-anomaly",
            "alertrule.kubetel.io/checkout-latency-p99");
    assertThat(labels.stdout().lines()).containsExactly("dashboard.kubetel.io/storefront");
    assertThat(fields.stdout().lines()).containsExactly("alertrule.kubetel.io/checkout-error-rate");
  }

  @Test
  void aMissingDashboardIsNotFoundLikeKubeApiserver() throws Exception {
    Kubectl.Result result = kubectl.run("get", "dashboard", "nope", "-n", "storefront");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("Error from server (NotFound): dashboards.kubetel.io \"nope\" not found");
  }

  @Test
  void writesAreRefusedAsReadOnly() throws Exception {
    HttpClient admin = server.httpClient(true);
    HttpResponse<String> response =
        server.send(
            admin,
            HttpRequest.newBuilder()
                .uri(
                    java.net.URI.create(
                        server.baseUrl()
                            + "/apis/kubetel.io/v1alpha1/namespaces/storefront/dashboards/storefront"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    Kubectl.Result delete = kubectl.run("delete", "dashboard", "storefront", "-n", "storefront");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("\"reason\":\"MethodNotAllowed\"", "read-only");
    assertThat(delete.exitCode()).isEqualTo(1);
    assertThat(delete.stderr()).contains("MethodNotAllowed");
  }

  @Test
  void explainReadsTheCrdSchema() throws Exception {
    Kubectl.Result result = kubectl.ok("explain", "dashboards.spec");

    assertThat(result.stdout())
        .contains("GROUP:      kubetel.io")
        .contains("KIND:       Dashboard")
        .contains("panels")
        .contains("Panels, laid out on a 24-column grid.");
  }

  @Test
  void theKubetelCategoryListsBothKinds() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "kubetel", "-n", "storefront");
    Kubectl.Result resources = kubectl.run("api-resources", "--api-group=kubetel.io");

    assertThat(result.stdout())
        .contains("dashboard.kubetel.io/storefront")
        .contains("alertrule.kubetel.io/storefront-errors");
    assertThat(resources.stdout().lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "alertrules\\s+kar,krule\\s+kubetel.io/v1alpha1\\s+true\\s+AlertRule\\s*"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "dashboards\\s+kdash\\s+kubetel.io/v1alpha1\\s+true\\s+Dashboard\\s*"));
  }

  @Test
  void watchSendsTheCurrentObjectsThenStaysOpenUntilTheTimeout() throws Exception {
    Kubectl.Result result =
        kubectl.ok(
            "get",
            "--raw",
            "/apis/kubetel.io/v1alpha1/namespaces/storefront/dashboards?watch=true&timeoutSeconds=2");
    Kubectl.Result afterList =
        kubectl.run("get", "dashboards", "-n", "storefront", "-w", "--request-timeout=3s");

    assertThat(result.stdout().lines()).hasSize(1);
    assertThat(result.stdout()).startsWith("{\"type\":\"ADDED\"").contains("\"storefront\"");
    // A watch from the list's version shows the list once: nothing changed since.
    assertThat(afterList.stdout().lines().filter(l -> l.startsWith("storefront"))).hasSize(1);
  }

  @Test
  void anInvalidFileStopsTheServerNamingTheFileAndField() throws Exception {
    Path dir = Files.createDirectories(work.resolve("bad"));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, STOREFRONT.replace("type: TimeSeries", "type: Pie"));

    assertThatThrownBy(
            () ->
                ApiServerProcess.start(
                    work.resolve("bad-state"),
                    E2eServerMain.class.getName(),
                    List.of("--custom-resources-dir", dir.toString())))
        .hasMessageContaining("server exited with 1")
        .hasMessageContaining(bad + " (document 1): Dashboard \"storefront\" is invalid")
        .hasMessageContaining("spec.panels[0].type");
  }
}
