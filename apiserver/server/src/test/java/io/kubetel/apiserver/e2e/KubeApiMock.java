package io.kubetel.apiserver.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubetel.apiserver.tenancy.ClusterTenantSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * kube-apiserver as the API server under test sees it, on fabric8's mock server: the
 * extension-apiserver-authentication ConfigMap, TelemetryTenants and credentials Secrets (CRUD, so
 * the server's informers watch them), and TokenReview and SubjectAccessReview answered by the test
 * (the mock cannot run RBAC). A review is allowed when {@code user|verb|namespace|resource} is in
 * {@link #allowed}; non-resource requests (discovery, OpenAPI) are allowed for everybody, as the
 * {@code system:discovery} role does. Tests can make the ConfigMap unreadable ({@link
 * #configMapFailure}) and hold the reviews back ({@link #reviewDelayMillis}).
 */
final class KubeApiMock implements AutoCloseable {
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();

  /** Where {@link #close} appends the API server's calls. */
  static final Path CALLS_FILE = Path.of("target", "kubetel-api-calls", "apiserver.txt");

  /** The User-Agent of this mock's own client (the test's requests, not the server's). */
  private static final String TEST_AGENT = "kubetel-apiserver-test";

  /** Allowed {@code user|verb|namespace|resource} keys. */
  final Set<String> allowed = ConcurrentHashMap.newKeySet();

  /** Valid bearer tokens → user name. */
  final Map<String, String> tokens = new ConcurrentHashMap<>();

  /** When not 0, the status code every request for kube-system ConfigMaps gets (403, 500). */
  final AtomicInteger configMapFailure = new AtomicInteger();

  /** When above 0, how long TokenReview and SubjectAccessReview answers are held back (ms). */
  final AtomicLong reviewDelayMillis = new AtomicLong();

  /** Every SubjectAccessReview spec received, in order. */
  final List<JsonNode> reviews = new CopyOnWriteArrayList<>();

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  KubeApiMock() {
    Map<
            io.fabric8.mockwebserver.ServerRequest,
            java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>
        responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses) {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                return failOrDelay(request, () -> super.dispatch(request));
              }
            },
            false);
    server.init();
    // The API server's tenancy informers list and watch TelemetryTenants (cluster-scoped).
    server.expectCustomResource(
        new CustomResourceDefinitionContext.Builder()
            .withGroup("kubetel.io")
            .withVersion("v1alpha1")
            .withPlural("telemetrytenants")
            .withKind("TelemetryTenant")
            .withScope("Cluster")
            .build());
    // The test's own requests are marked, so the recorded calls are the server's only.
    try (KubernetesClient unmarked = server.createClient()) {
      client =
          new io.fabric8.kubernetes.client.KubernetesClientBuilder()
              .withConfig(
                  new io.fabric8.kubernetes.client.ConfigBuilder(unmarked.getConfiguration())
                      .withUserAgent(TEST_AGENT)
                      .build())
              .build();
    }
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
        .andReply(200, request -> subjectAccessReview(request.getUtf8Body()))
        .always();
    server
        .expect()
        .post()
        .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
        .andReply(200, request -> tokenReview(request.getUtf8Body()))
        .always();
  }

  /** Applies {@link #configMapFailure} and {@link #reviewDelayMillis} before the normal answer. */
  private MockResponse failOrDelay(RecordedRequest request, Supplier<MockResponse> normal) {
    String path = request.getPath() == null ? "" : request.getPath();
    int code = configMapFailure.get();
    if (code != 0 && path.startsWith("/api/v1/namespaces/kube-system/configmaps")) {
      return new MockResponse()
          .setResponseCode(code)
          .setHeader("Content-Type", "application/json")
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                  + "\"reason\":\"Forbidden\",\"code\":"
                  + code
                  + "}");
    }
    long delay = reviewDelayMillis.get();
    MockResponse answer = normal.get();
    if (delay > 0 && path.contains("reviews")) {
      answer.setBodyDelay(delay, TimeUnit.MILLISECONDS);
    }
    return answer;
  }

  private Object subjectAccessReview(String body) {
    try {
      JsonNode spec = JSON.readTree(body).path("spec");
      reviews.add(spec);
      boolean allow;
      if (spec.has("resourceAttributes")) {
        JsonNode a = spec.path("resourceAttributes");
        allow =
            allowed.contains(
                spec.path("user").asText()
                    + "|"
                    + a.path("verb").asText()
                    + "|"
                    + a.path("namespace").asText()
                    + "|"
                    + a.path("resource").asText());
      } else {
        allow = !"/metrics".equals(spec.path("nonResourceAttributes").path("path").asText());
      }
      return Map.of(
          "apiVersion", "authorization.k8s.io/v1",
          "kind", "SubjectAccessReview",
          "status", Map.of("allowed", allow));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Object tokenReview(String body) {
    try {
      String token = JSON.readTree(body).path("spec").path("token").asText();
      String user = tokens.get(token);
      Map<String, Object> status =
          user == null
              ? Map.of("authenticated", false)
              : Map.of(
                  "authenticated",
                  true,
                  "user",
                  Map.of("username", user, "uid", "uid-" + user, "groups", List.of("token-users")));
      return Map.of(
          "apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview", "status", status);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Creates or replaces the authentication ConfigMap. */
  void authenticationConfigMap(String requestHeaderCa, String allowedNames, String clientCa) {
    ConfigMap configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("kube-system")
            .withName("extension-apiserver-authentication")
            .endMetadata()
            .addToData("client-ca-file", clientCa)
            .addToData("requestheader-client-ca-file", requestHeaderCa)
            .addToData("requestheader-allowed-names", allowedNames)
            .addToData("requestheader-username-headers", "[\"X-Remote-User\"]")
            .addToData("requestheader-uid-headers", "[\"X-Remote-Uid\"]")
            .addToData("requestheader-group-headers", "[\"X-Remote-Group\"]")
            .addToData("requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]")
            .build();
    client.configMaps().inNamespace("kube-system").resource(configMap).createOr(c -> c.update());
  }

  /** Creates a TelemetryTenant (with its status, as the operator would have written it). */
  void telemetryTenant(String json) {
    client
        .genericKubernetesResources(ClusterTenantSource.TENANTS)
        .resource(Serialization.unmarshal(json, GenericKubernetesResource.class))
        .create();
  }

  /** Creates a basic-auth Secret holding a tenant's ClickHouse user. */
  void credentialsSecret(String namespace, String name, String user, String password) {
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withType("kubernetes.io/basic-auth")
                .addToData("username", b64.encodeToString(user.getBytes()))
                .addToData("password", b64.encodeToString(password.getBytes()))
                .build())
        .create();
  }

  /** A kubeconfig for the server under test to reach this mock (plain HTTP, no credentials). */
  Path writeKubeconfig(Path file) throws IOException {
    return writeKubeconfig(file, server.url("/").replaceAll("/$", ""));
  }

  /** The mock's port (to put a {@link TcpProxy} in front of it). */
  int port() {
    return server.getPort();
  }

  /** A kubeconfig reaching this mock at {@code url} (e.g. through a {@link TcpProxy}). */
  Path writeKubeconfig(Path file, String url) throws IOException {
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: "
            + url
            + "\nusers:\n- name: mock\n  user: {}\ncontexts:\n- name: mock\n  context:\n"
            + "    cluster: mock\n    user: mock\ncurrent-context: mock\n");
    return file;
  }

  /**
   * Appends the API server's calls ({@code METHOD path} per line) to {@link #CALLS_FILE}, for the
   * packaging module's RbacCoverageTest, which compares them with the RBAC rules the chart ships.
   */
  private void recordCalls() throws InterruptedException, IOException {
    StringBuilder lines = new StringBuilder();
    io.fabric8.mockwebserver.http.RecordedRequest r;
    while ((r = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
      if (!TEST_AGENT.equals(r.getHeader("User-Agent"))) {
        lines.append(r.getMethod()).append(' ').append(r.getPath()).append('\n');
      }
    }
    Files.createDirectories(CALLS_FILE.getParent());
    Files.writeString(
        CALLS_FILE,
        lines,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  @Override
  public void close() {
    try {
      recordCalls();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      client.close();
      server.destroy();
    }
  }
}
