package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import io.kubetel.apiserver.security.PemFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --client-ca-file} rotation reaches the x509 authenticator of the running server process
 * (cluster mode, {@link KubeApiMock}), not only the TLS trust store: after the file is replaced by
 * another CA, a client certificate of the new CA is authenticated (and authorized by its review)
 * and one of the removed CA is a 401 Status, within seconds and without a restart. The ConfigMap's
 * own {@code client-ca-file} (a third CA) is overridden by the flag throughout.
 */
class ClientCaRotationIT {
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";

  @TempDir static Path dir;

  static KubeApiMock kube;
  static ApiServerProcess server;
  static Path clientCaFile;
  static Issued newCa;
  static HttpClient oldCaAlice;
  static HttpClient newCaAlice;
  static HttpClient configMapCaAlice;

  @BeforeAll
  static void start() throws Exception {
    ClusterCertificates pki = new ClusterCertificates(dir);
    Issued oldCa = pki.ca("client-ca-old");
    newCa = pki.ca("client-ca-new");
    Issued configMapCa = pki.ca("client-ca-configmap");
    oldCaAlice = pki.httpClient(pki.client(oldCa, "alice-old", "alice", List.of("dev")));
    newCaAlice = pki.httpClient(pki.client(newCa, "alice-new", "alice", List.of("dev")));
    configMapCaAlice = pki.httpClient(pki.client(configMapCa, "alice-cm", "alice", List.of()));
    clientCaFile = pki.writeCa("client-ca.crt", oldCa);
    kube = new KubeApiMock();
    kube.authenticationConfigMap(
        ClusterCertificates.pem(pki.ca("front-proxy-ca")),
        "[]",
        ClusterCertificates.pem(configMapCa));
    kube.allowed.add("alice|list|shop|metrics");
    List<String> args = new ArrayList<>(pki.servingArgs());
    args.addAll(
        List.of(
            "--authentication-kubeconfig",
            kube.writeKubeconfig(dir.resolve("mock.kubeconfig")).toString(),
            "--client-ca-file",
            clientCaFile.toString()));
    server = ApiServerProcess.startCluster(dir.resolve("server"), pki.servingCa(), args);
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, kube);
  }

  @Test
  void aRotatedClientCaFileReachesTheAuthenticatorWithoutRestart() throws Exception {
    assertThat(code(oldCaAlice)).isEqualTo(200);
    assertThat(code(newCaAlice)).isEqualTo(401);
    assertThat(code(configMapCaAlice)).isEqualTo(401);

    PemFiles.writePrivate(clientCaFile, PemFiles.toPem(newCa.certificate()));
    long start = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> code(newCaAlice) == 200);
    // The file is checked every 10 s.
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(25.0);
    assertThat(code(oldCaAlice)).isEqualTo(401);
    assertThat(code(configMapCaAlice)).isEqualTo(401);
    assertThat(server.logText()).contains("event=client_ca_reloaded");
  }

  private static int code(HttpClient client) throws Exception {
    return server.get(client, G + "/namespaces/shop/metrics", Map.of()).statusCode();
  }
}
