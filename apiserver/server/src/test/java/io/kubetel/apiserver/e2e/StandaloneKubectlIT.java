package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.security.StandalonePki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server process in standalone mode, driven by the real kubectl and a plain HTTPS client:
 * discovery, OpenAPI/explain, probes, mTLS, Status errors. Uses the test wiring (no ClickHouse).
 */
class StandaloneKubectlIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AGGREGATED =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private static Path work;
  private static ApiServerProcess server;
  private static Kubectl kubectl;
  private static HttpClient admin;

  @BeforeAll
  static void start() throws Exception {
    work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-standalone-");
    server =
        ApiServerProcess.start(work.resolve("state"), E2eServerMain.class.getName(), List.of());
    kubectl = server.kubectl(work.resolve("kubectl"));
    admin = server.httpClient(true);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      int exit = server.stop();
      // SIGTERM exits with 143 once the shutdown hook finished draining.
      assertThat(exit).isIn(0, 143);
      assertThat(server.logText()).contains("event=stopped");
    }
  }

  @Test
  void apiResourcesListsTelemetryWithShortNamesAndScope() throws Exception {
    Kubectl.Result result = kubectl.ok("api-resources", "--api-group=telemetry.kubetel.io");

    assertThat(result.stdout().lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "metrics\\s+met\\s+telemetry.kubetel.io/v1alpha1\\s+true\\s+Metric\\s*"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("traces\\s+tr\\s+telemetry.kubetel.io/v1alpha1\\s+true\\s+Trace\\s*"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "logs\\s+lr,logrecord\\s+telemetry.kubetel.io/v1alpha1\\s+true\\s+LogRecord\\s*"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "queries\\s+tq\\s+telemetry.kubetel.io/v1alpha1\\s+true\\s+TelemetryQuery\\s*"));
  }

  @Test
  void versionIsServed() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "--raw", "/version");

    JsonNode version = MAPPER.readTree(result.stdout());
    assertThat(version.get("gitVersion").asText()).startsWith("v0.1.0");
    assertThat(version.get("platform").asText()).contains("/");
  }

  @Test
  void explainPrintsFieldDescriptions() throws Exception {
    Kubectl.Result metrics = kubectl.ok("explain", "metrics");
    Kubectl.Result status = kubectl.ok("explain", "traces.status");

    assertThat(metrics.stdout())
        .contains("KIND:       Metric")
        .contains("One metric series")
        .contains("metadata")
        .contains("Statistics of the series over the window.");
    assertThat(status.stdout())
        .contains("What the trace did.")
        .contains("rootService")
        .contains("Service of the root span.");
  }

  @Test
  void readyzAnswersOkThroughKubectl() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "--raw", "/readyz?verbose");

    assertThat(result.stdout()).contains("[+]store ok").contains("readyz check passed");
  }

  @Test
  void getTelemetryReachesEveryResource() throws Exception {
    Kubectl.Result result = kubectl.ok("get", "telemetry", "-n", "default");

    assertThat(result.stderr()).contains("No resources found in default namespace.");
  }

  @Test
  void getByNameRendersNotFound() throws Exception {
    Kubectl.Result result = kubectl.run("get", "metrics", "nope", "-n", "default");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("Error from server (NotFound): metrics.telemetry.kubetel.io \"nope\" not found");
  }

  @Test
  void getByNameOutsideDefaultNamespaceStillRendersTheObjectNotFound() throws Exception {
    // kubectl then asks /api/v1/namespaces/shop; this server must not answer that with NotFound.
    Kubectl.Result result =
        kubectl.run("get", "traces", "0123456789abcdef0123456789abcdef", "-n", "shop");
    Kubectl.Result namespace = kubectl.run("get", "--raw", "/api/v1/namespaces/shop");

    assertThat(namespace.stderr()).contains("Error from server (Forbidden)", "kube-apiserver");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stderr())
        .contains(
            "Error from server (NotFound): traces.telemetry.kubetel.io"
                + " \"0123456789abcdef0123456789abcdef\" not found");
  }

  @Test
  void unknownPathIsNotFoundStatus() throws Exception {
    HttpResponse<String> response =
        server.get(admin, "/apis/telemetry.kubetel.io/v1alpha1/nothing", Map.of());
    Kubectl.Result viaKubectl =
        kubectl.run("get", "--raw", "/apis/telemetry.kubetel.io/v1alpha1/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode status = MAPPER.readTree(response.body());
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.get("status").asText()).isEqualTo("Failure");
    assertThat(status.get("reason").asText()).isEqualTo("NotFound");
    assertThat(status.get("code").asInt()).isEqualTo(404);
    assertThat(viaKubectl.exitCode()).isEqualTo(1);
    assertThat(viaKubectl.stderr()).contains("NotFound");
  }

  @Test
  void requestWithoutClientCertificateIsUnauthorized() throws Exception {
    HttpClient anonymous = server.httpClient(false);

    HttpResponse<String> response = server.get(anonymous, "/apis", Map.of());
    HttpResponse<String> live = server.get(anonymous, "/livez", Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode status = MAPPER.readTree(response.body());
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("reason").asText()).isEqualTo("Unauthorized");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEqualTo("ok");
  }

  @Test
  void aggregatedDiscoveryHasExactContentTypeAndEtag() throws Exception {
    HttpResponse<String> response =
        server.get(admin, "/apis", Map.of("Accept", AGGREGATED + ",application/json"));
    String etag = response.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        server.get(admin, "/apis", Map.of("Accept", AGGREGATED, "If-None-Match", etag));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(AGGREGATED);
    JsonNode version = MAPPER.readTree(response.body()).at("/items/0/versions/0");
    assertThat(version.get("freshness").asText()).isEqualTo("Current");
    assertThat(version.at("/resources/0/scope").asText()).isEqualTo("Namespaced");
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void openApiV2RefusesProtobufButServesJson() throws Exception {
    HttpResponse<String> protobuf =
        server.get(
            admin,
            "/openapi/v2",
            Map.of("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"));
    HttpResponse<String> json =
        server.get(admin, "/openapi/v2", Map.of("Accept", "application/json"));

    assertThat(protobuf.statusCode()).isEqualTo(406);
    assertThat(MAPPER.readTree(protobuf.body()).get("reason").asText()).isEqualTo("NotAcceptable");
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode swagger = MAPPER.readTree(json.body());
    assertThat(swagger.get("swagger").asText()).isEqualTo("2.0");
    assertThat(swagger.at("/definitions/io.kubetel.telemetry.v1alpha1.Metric/description").asText())
        .startsWith("One metric series");
  }

  @Test
  void metricsEndpointNeedsAuthAndCountsRequests() throws Exception {
    kubectl.run("get", "--raw", "/version");
    HttpResponse<String> metrics = server.get(admin, "/metrics", Map.of());
    HttpResponse<String> anonymous = server.get(server.httpClient(false), "/metrics", Map.of());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "kubetel_apiserver_requests_seconds_count{code=\"200\",resource=\"version\",verb=\"get\"}")
        .contains("jvm_memory_used_bytes");
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void stateDirHoldsOwnerOnlyKeysAndKubeconfig() throws Exception {
    Path state = server.stateDir();

    for (String file : List.of("pki/ca.key", "pki/apiserver.key", "pki/client.key", "kubeconfig")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(server.kubeconfig()))
        .contains("server: https://127.0.0.1:")
        .contains("certificate-authority-data:")
        .contains("client-certificate-data:")
        .contains("client-key-data:")
        .contains("current-context: kubetel");
  }

  @Test
  void foreignClientCertificateIsRejected() throws Exception {
    Path other = work.resolve("other");
    new StandalonePki(other, Clock.systemUTC()).ensure();
    HttpClient foreign =
        ApiServerProcess.httpClient(
            server.stateDir().resolve("pki/ca.crt"),
            other.resolve("pki/client.crt"),
            other.resolve("pki/client.key"));

    assertThatThrownBy(() -> server.get(foreign, "/apis", Map.of()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void createQueryFromFileSkipsProtobufOpenApiV2() throws Exception {
    Path manifest =
        Files.writeString(
            work.resolve("query.yaml"),
            String.join(
                "\n",
                "apiVersion: telemetry.kubetel.io/v1alpha1",
                "kind: TelemetryQuery",
                "metadata:",
                "  name: latency",
                "  namespace: default",
                "spec:",
                "  signal: metrics",
                "  metric: http.server.duration",
                "  aggregation: avg",
                "  range: 15m",
                "  step: 1m",
                ""));

    // kubectl create only avoids GET /openapi/v2 (protobuf, answered 406 here) because the v3
    // document has a PATCH operation with fieldValidation for TelemetryQuery.
    Kubectl.Result result =
        kubectl.ok("create", "-f", manifest.toString(), "--dry-run=server", "-o", "yaml");

    assertThat(result.stdout()).contains("kind: TelemetryQuery").contains("name: latency");
  }
}
