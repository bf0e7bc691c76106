package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode when kube-apiserver fails the server: the server process reaches {@link KubeApiMock}
 * through a {@link TcpProxy} the test can cut. First the authentication ConfigMap is unreadable at
 * start (403): the server starts, trusts neither its front-proxy nor its client CA (401), {@code
 * /readyz} fails naming the check and the log says why, and once the ConfigMap can be read the
 * informer's retry applies it. Then kube-apiserver becomes unreachable during reviews: a
 * SubjectAccessReview that fails is a 500 InternalError Status and a TokenReview that fails a 401
 * Status (what kube-apiserver's own aggregated servers answer), cached allow decisions keep working
 * for their TTL, a review that hangs ends at the request deadline with a 504 Status, and requests
 * succeed again once kube-apiserver answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthenticationOutageIT {
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final Map<String, String> ALICE = Map.of("X-Remote-User", "alice");

  @TempDir static Path dir;

  static KubeApiMock kube;
  static TcpProxy kubeLink;
  static ApiServerProcess server;
  static HttpClient proxy;
  static HttpClient aliceX509;
  static HttpClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    ClusterCertificates pki = new ClusterCertificates(dir);
    Issued proxyCa = pki.ca("front-proxy-ca");
    Issued clientCa = pki.ca("client-ca");
    proxy = pki.httpClient(pki.client(proxyCa, "proxy", "front-proxy-client", List.of()));
    aliceX509 = pki.httpClient(pki.client(clientCa, "alice", "alice", List.of("dev")));
    anonymous = pki.httpClient(null);
    kube = new KubeApiMock();
    kube.authenticationConfigMap(
        ClusterCertificates.pem(proxyCa),
        "[\"front-proxy-client\"]",
        ClusterCertificates.pem(clientCa));
    kube.configMapFailure.set(403); // no extension-apiserver-authentication-reader binding yet
    for (String namespace : List.of("shop", "cache", "other", "slow", "back")) {
      kube.allowed.add("alice|list|" + namespace + "|metrics");
    }
    kube.allowed.add("bob|list|shop|metrics");
    kube.tokens.put("bob-token", "bob");
    kubeLink = TcpProxy.start("127.0.0.1", kube.port());
    List<String> args = new ArrayList<>(pki.servingArgs());
    args.addAll(
        List.of(
            "--authentication-kubeconfig",
            kube.writeKubeconfig(
                    dir.resolve("mock.kubeconfig"), "http://127.0.0.1:" + kubeLink.port())
                .toString(),
            "--authorization-webhook-cache-authorized-ttl",
            "4s",
            "--authentication-token-webhook-cache-ttl",
            "1s",
            "--request-timeout",
            "8s"));
    server = ApiServerProcess.startCluster(dir.resolve("server"), pki.servingCa(), args);
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, kubeLink, kube);
  }

  @Test
  @Order(1)
  void anUnreadableConfigMapStartsTheServerTrustingNeitherOfItsCasUntilItCanBeRead()
      throws Exception {
    assertThat(server.get(anonymous, "/livez", Map.of()).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = server.get(anonymous, "/readyz", Map.of());
    assertThat(ready.statusCode()).isEqualTo(500);
    assertThat(ready.body()).contains("[-]authentication-configmap failed");
    assertThat(server.logText())
        .contains(
            "event=authentication_configmap_unreadable"
                + " configmap=kube-system/extension-apiserver-authentication reason=http_403",
            "extension-apiserver-authentication-reader");
    assertStatus(server.get(proxy, G + "/namespaces/shop/metrics", ALICE), 401, "Unauthorized");
    assertStatus(
        server.get(aliceX509, G + "/namespaces/shop/metrics", Map.of()), 401, "Unauthorized");

    kube.configMapFailure.set(0); // the RoleBinding arrives
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> server.get(anonymous, "/readyz", Map.of()).statusCode() == 200);
    assertThat(server.get(proxy, G + "/namespaces/shop/metrics", ALICE).statusCode())
        .isEqualTo(200);
    assertThat(server.get(aliceX509, G + "/namespaces/shop/metrics", Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(server.logText()).contains("event=authentication_configmap_applied");
  }

  @Test
  @Order(2)
  void reviewsFailingWhileKubeApiserverIsUnreachableGiveAStatusAndRecover() throws Exception {
    assertThat(server.get(proxy, G + "/namespaces/cache/metrics", ALICE).statusCode())
        .isEqualTo(200);
    kubeLink.down();
    try {
      // The allow decision cached a moment ago keeps answering...
      assertThat(server.get(proxy, G + "/namespaces/cache/metrics", ALICE).statusCode())
          .isEqualTo(200);
      // ...a review that cannot be made is kube-apiserver's 500, at once, not a hang...
      long start = System.nanoTime();
      HttpResponse<String> failed = server.get(proxy, G + "/namespaces/other/metrics", ALICE);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(8.0);
      assertStatus(failed, 500, "InternalError");
      assertThat(message(failed)).contains("SubjectAccessReview", "kube-apiserver");
      // ...a token that cannot be reviewed is kube-apiserver's 401...
      HttpResponse<String> token =
          server.get(
              anonymous,
              G + "/namespaces/shop/metrics",
              Map.of("Authorization", "Bearer bob-token"));
      assertStatus(token, 401, "Unauthorized");
      assertThat(message(token)).contains("TokenReview");
      // ...and once the cached decision expires, the cached request fails the same way.
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> server.get(proxy, G + "/namespaces/cache/metrics", ALICE).statusCode() == 500);
    } finally {
      kubeLink.up();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> server.get(proxy, G + "/namespaces/other/metrics", ALICE).statusCode() == 200);
    assertThat(
            server
                .get(
                    anonymous,
                    G + "/namespaces/shop/metrics",
                    Map.of("Authorization", "Bearer bob-token"))
                .statusCode())
        .isEqualTo(200);
    assertThat(server.logText())
        .contains(
            "event=review_failed kind=SubjectAccessReview", "event=review_failed kind=TokenReview");
  }

  @Test
  @Order(3)
  void aHangingReviewEndsAtTheRequestDeadline() throws Exception {
    kube.reviewDelayMillis.set(30_000);
    try {
      long start = System.nanoTime();
      HttpResponse<String> slow = server.get(proxy, G + "/namespaces/slow/metrics", ALICE);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertStatus(slow, 504, "Timeout");
      assertThat(message(slow)).contains("--request-timeout");
      assertThat(seconds).isBetween(7.0, 14.0);
    } finally {
      kube.reviewDelayMillis.set(0);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> server.get(proxy, G + "/namespaces/back/metrics", ALICE).statusCode() == 200);
  }

  private static void assertStatus(HttpResponse<String> response, int code, String reason)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo(reason);
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("message").asText();
  }
}
