package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.security.CertificateIssuer;
import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import io.kubetel.apiserver.security.PemFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with delegated authentication and authorization, end to end: the API server runs as
 * its own process (empty store), kube-apiserver is fabric8's mock server ({@link KubeApiMock}), the
 * test decides every SubjectAccessReview. Front-proxy headers are sent by an HTTP client presenting
 * certificates generated here; direct x509 clients are the real kubectl.
 */
class DelegatedAuthIT {
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final Duration YEAR = Duration.ofDays(365);

  @TempDir static Path dir;

  static KubeApiMock kube;
  static ApiServerProcess server;
  static Issued proxyCa;
  static Issued otherCa;
  static Issued clientCa;
  static HttpClient proxy;
  static HttpClient otherCaProxy;
  static HttpClient intruder;
  static HttpClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
    Issued servingCa = issuer.certificateAuthority("serving-ca", YEAR);
    Issued serving =
        issuer.serving(
            servingCa,
            "kubetel-apiserver",
            List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
            YEAR);
    proxyCa = issuer.certificateAuthority("front-proxy-ca", YEAR);
    otherCa = issuer.certificateAuthority("other-ca", YEAR);
    clientCa = issuer.certificateAuthority("client-ca", YEAR);
    Path servingCaFile = write("serving-ca.crt", servingCa.certificate());
    write("apiserver.crt", serving.certificate());
    write("apiserver.key", serving.keyPair().getPrivate());
    proxy =
        client(
            servingCaFile, "proxy", issuer.client(proxyCa, "front-proxy-client", List.of(), YEAR));
    otherCaProxy =
        client(
            servingCaFile, "other", issuer.client(otherCa, "front-proxy-client", List.of(), YEAR));
    intruder =
        client(servingCaFile, "intruder", issuer.client(proxyCa, "intruder", List.of(), YEAR));
    anonymous = ApiServerProcess.httpClient(servingCaFile, null, null);
    Issued alice = issuer.client(clientCa, "alice", List.of("dev"), YEAR);
    write("alice.crt", alice.certificate());
    write("alice.key", alice.keyPair().getPrivate());

    kube = new KubeApiMock();
    kube.authenticationConfigMap(
        PemFiles.toPem(proxyCa.certificate()),
        "[\"front-proxy-client\"]",
        PemFiles.toPem(clientCa.certificate()));
    server =
        ApiServerProcess.startCluster(
            dir.resolve("server"),
            servingCaFile,
            List.of(
                "--tls-cert-file",
                dir.resolve("apiserver.crt").toString(),
                "--tls-private-key-file",
                dir.resolve("apiserver.key").toString(),
                "--authentication-kubeconfig",
                kube.writeKubeconfig(dir.resolve("mock.kubeconfig")).toString(),
                "--authorization-webhook-cache-authorized-ttl",
                "3s",
                "--authorization-webhook-cache-unauthorized-ttl",
                "1s",
                "--authentication-token-webhook-cache-ttl",
                "1s"));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, kube);
  }

  @Test
  void frontProxyHeadersAreTrustedOnlyFromAnAllowedProxyCertificate() throws Exception {
    kube.allowed.add("alice|list|shop|metrics");
    Map<String, String> alice =
        Map.of(
            "X-Remote-User", "alice",
            "X-Remote-Uid", "u-1",
            "X-Remote-Group", "dev",
            "X-Remote-Extra-Scopes", "read");
    HttpResponse<String> ok = server.get(proxy, G + "/namespaces/shop/metrics", alice);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode review = lastReview("alice");
    assertThat(review.path("uid").asText()).isEqualTo("u-1");
    assertThat(review.path("groups").toString()).contains("dev");
    assertThat(review.path("extra").path("scopes").toString()).contains("read");
    JsonNode attributes = review.path("resourceAttributes");
    assertThat(attributes.path("verb").asText()).isEqualTo("list");
    assertThat(attributes.path("group").asText()).isEqualTo("telemetry.kubetel.io");
    assertThat(attributes.path("version").asText()).isEqualTo("v1alpha1");
    assertThat(attributes.path("namespace").asText()).isEqualTo("shop");

    for (HttpClient untrusted : List.of(anonymous, otherCaProxy, intruder)) {
      HttpResponse<String> denied = server.get(untrusted, G + "/namespaces/shop/metrics", alice);
      assertThat(denied.statusCode()).as(denied.body()).isEqualTo(401);
      assertThat(JSON.readTree(denied.body()).path("reason").asText()).isEqualTo("Unauthorized");
    }
  }

  @Test
  void deniedReviewsAreForbiddenWordedAsKubeApiserverWordsThem() throws Exception {
    Map<String, String> carol = Map.of("X-Remote-User", "carol");
    String in = " in API group \"telemetry.kubetel.io\" in the namespace \"shop\"";
    assertForbidden(
        server.get(proxy, G + "/namespaces/shop/metrics", carol),
        "metrics.telemetry.kubetel.io is forbidden: User \"carol\" cannot list resource"
            + " \"metrics\""
            + in);
    assertForbidden(
        server.get(proxy, G + "/namespaces/shop/traces/abc", carol),
        "traces.telemetry.kubetel.io \"abc\" is forbidden: User \"carol\" cannot get resource"
            + " \"traces\""
            + in);
    assertForbidden(
        server.get(proxy, G + "/namespaces/shop/logs?watch=true", carol),
        "logs.telemetry.kubetel.io is forbidden: User \"carol\" cannot watch resource \"logs\""
            + in);
    HttpRequest.Builder create =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + G + "/namespaces/shop/queries"))
            .header("X-Remote-User", "carol")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    assertForbidden(
        server.send(proxy, create),
        "queries.telemetry.kubetel.io is forbidden: User \"carol\" cannot create resource"
            + " \"queries\""
            + in);
    // -A needs list at the cluster scope, even for a user who may list in a namespace.
    kube.allowed.add("erin|list|shop|metrics");
    Map<String, String> erin = Map.of("X-Remote-User", "erin");
    assertThat(server.get(proxy, G + "/namespaces/shop/metrics", erin).statusCode()).isEqualTo(200);
    assertForbidden(
        server.get(proxy, G + "/metrics", erin),
        "metrics.telemetry.kubetel.io is forbidden: User \"erin\" cannot list resource \"metrics\""
            + " in API group \"telemetry.kubetel.io\" at the cluster scope");
  }

  @Test
  void bearerTokensAreReviewed() throws Exception {
    kube.tokens.put("good-token", "bob");
    kube.allowed.add("bob|list|shop|logs");
    assertThat(
            server
                .get(
                    anonymous,
                    G + "/namespaces/shop/logs",
                    Map.of("Authorization", "Bearer good-token"))
                .statusCode())
        .isEqualTo(200);
    assertThat(lastReview("bob").path("uid").asText()).isEqualTo("uid-bob");
    assertThat(
            server
                .get(anonymous, G + "/namespaces/shop/logs", Map.of("Authorization", "Bearer nope"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void cachedDecisionsExpire() throws Exception {
    Map<String, String> dave = Map.of("X-Remote-User", "dave");
    kube.allowed.add("dave|list|cache|metrics");
    assertThat(server.get(proxy, G + "/namespaces/cache/metrics", dave).statusCode())
        .isEqualTo(200);
    long reviews = reviewsOf("dave");
    kube.allowed.remove("dave|list|cache|metrics");
    // Within the 3 s allowed TTL the decision comes from the cache, without a new review...
    assertThat(server.get(proxy, G + "/namespaces/cache/metrics", dave).statusCode())
        .isEqualTo(200);
    assertThat(reviewsOf("dave")).isEqualTo(reviews);
    // ...and once it expires kube-apiserver is asked again.
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> server.get(proxy, G + "/namespaces/cache/metrics", dave).statusCode() == 403);
  }

  @Test
  void requestHeaderCaRotationInTheConfigMapTakesEffect() throws Exception {
    kube.allowed.add("frank|list|rot|metrics");
    Map<String, String> frank = Map.of("X-Remote-User", "frank");
    try {
      kube.authenticationConfigMap(
          PemFiles.toPem(otherCa.certificate()), "[]", PemFiles.toPem(clientCa.certificate()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  server.get(otherCaProxy, G + "/namespaces/rot/metrics", frank).statusCode()
                      == 200);
      assertThat(server.get(proxy, G + "/namespaces/rot/metrics", frank).statusCode())
          .isEqualTo(401);
    } finally {
      kube.authenticationConfigMap(
          PemFiles.toPem(proxyCa.certificate()),
          "[\"front-proxy-client\"]",
          PemFiles.toPem(clientCa.certificate()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> server.get(proxy, G + "/namespaces/rot/metrics", frank).statusCode() == 200);
    }
  }

  @Test
  void probesStayAnonymousMetricsNeedTheGroupAndKubectlUsesX509() throws Exception {
    assertThat(server.get(anonymous, "/livez", Map.of()).statusCode()).isEqualTo(200);
    assertThat(server.get(anonymous, "/readyz?verbose", Map.of()).statusCode()).isEqualTo(401);
    assertThat(server.get(anonymous, "/readyz", Map.of()).body()).doesNotContain("[+]");
    assertThat(
            server
                .get(
                    proxy,
                    "/metrics",
                    Map.of("X-Remote-User", "prom", "X-Remote-Group", "system:monitoring"))
                .statusCode())
        .isEqualTo(200);
    assertThat(server.get(proxy, "/metrics", Map.of("X-Remote-User", "prom")).statusCode())
        .isEqualTo(403);

    kube.allowed.add("alice|list|kshop|metrics");
    Path kubeconfig = dir.resolve("alice.kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster:\n    server: "
            + server.baseUrl()
            + "\n    certificate-authority: "
            + dir.resolve("serving-ca.crt")
            + "\nusers:\n- name: alice\n  user:\n    client-certificate: "
            + dir.resolve("alice.crt")
            + "\n    client-key: "
            + dir.resolve("alice.key")
            + "\ncontexts:\n- name: k\n  context:\n    cluster: k\n    user: alice\n"
            + "current-context: k\n");
    Kubectl kubectl = new Kubectl(kubeconfig, dir.resolve("kubectl"));
    kubectl.ok("get", "metrics.telemetry.kubetel.io", "-n", "kshop");
    Kubectl.Result denied = kubectl.run("get", "metrics.telemetry.kubetel.io", "-n", "other");
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.stderr())
        .contains(
            "Error from server (Forbidden): metrics.telemetry.kubetel.io is forbidden: User"
                + " \"alice\" cannot list resource \"metrics\" in API group"
                + " \"telemetry.kubetel.io\" in the namespace \"other\"");
  }

  private static void assertForbidden(HttpResponse<String> response, String message)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
    assertThat(status.path("message").asText()).isEqualTo(message);
  }

  private static JsonNode lastReview(String user) {
    return kube.reviews.stream()
        .filter(r -> user.equals(r.path("user").asText()))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static long reviewsOf(String user) {
    return kube.reviews.stream().filter(r -> user.equals(r.path("user").asText())).count();
  }

  private static Path write(String name, Object pemObject) throws Exception {
    Path file = dir.resolve(name);
    PemFiles.writePrivate(file, PemFiles.toPem(pemObject));
    return file;
  }

  private static HttpClient client(Path servingCa, String name, Issued cert) throws Exception {
    return ApiServerProcess.httpClient(
        servingCa,
        write(name + ".crt", cert.certificate()),
        write(name + ".key", cert.keyPair().getPrivate()));
  }
}
