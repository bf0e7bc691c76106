package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.security.CertificateIssuer;
import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import io.kubetel.apiserver.security.PemFiles;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Log;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-tenant ClickHouse identity, end to end on ClickHouse 18.16: the API server process in cluster
 * mode gets TelemetryTenants and their credentials Secrets from the fabric8 mock API server
 * (informers), and runs each tenant's reads as the tenant's ClickHouse user — the users {@code
 * hack/clickhouse.sh} declares in {@code users.d} with {@code <allow_databases>} and a read-only
 * profile. A tenant object that points at another tenant's database with its own user (what a wrong
 * or hostile index would do) gets nothing: ClickHouse itself refuses (Code 291) and the client sees
 * a 403 Status. Needs the debian engine: the chDB engine has one user and no access control
 * (skipped there).
 */
class TenancyCredentialsIT {
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final Duration YEAR = Duration.ofDays(365);
  private static final String SECRETS = "kubetel-system";

  @TempDir static Path dir;

  static LocalClickHouse own;
  static LocalClickHouse dbA;
  static LocalClickHouse dbB;
  static KubeApiMock kube;
  static ApiServerProcess server;
  static HttpClient proxy;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        "debian".equals(System.getProperty(LocalClickHouse.ENGINE_PROPERTY)),
        "needs the debian engine's users.d tenant users (chDB has no access control)");
    own = LocalClickHouse.start("tenancy_cred_own");
    dbA = LocalClickHouse.startNamed("kt_tenancy_a");
    dbB = LocalClickHouse.startNamed("kt_tenancy_b");
    Instant now = Instant.now();
    for (LocalClickHouse db : List.of(own, dbA, dbB)) {
      TelemetryBatch batch = new TelemetryBatch();
      for (String namespace : List.of("a-ns", "b-ns", "m-ns", "c-ns", "free-ns")) {
        for (int i = 0; i < 2; i++) {
          batch.logs.add(
              new Log(
                  Map.of("k8s.namespace.name", namespace, "service.name", "svc"),
                  "svc",
                  now.minusSeconds(60 + i),
                  "",
                  "",
                  "INFO",
                  9,
                  "db=" + db.database() + " ns=" + namespace + " n=" + i,
                  Map.of()));
        }
      }
      db.writer().write(batch);
    }

    CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
    Issued servingCa = issuer.certificateAuthority("serving-ca", YEAR);
    Issued serving =
        issuer.serving(
            servingCa,
            "kubetel-apiserver",
            List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
            YEAR);
    Issued proxyCa = issuer.certificateAuthority("front-proxy-ca", YEAR);
    Path servingCaFile = write("serving-ca.crt", servingCa.certificate());
    write("apiserver.crt", serving.certificate());
    write("apiserver.key", serving.keyPair().getPrivate());
    Issued proxyCert = issuer.client(proxyCa, "front-proxy-client", List.of(), YEAR);
    proxy =
        ApiServerProcess.httpClient(
            servingCaFile,
            write("proxy.crt", proxyCert.certificate()),
            write("proxy.key", proxyCert.keyPair().getPrivate()));

    kube = new KubeApiMock();
    kube.authenticationConfigMap(
        PemFiles.toPem(proxyCa.certificate()), "[\"front-proxy-client\"]", "");
    kube.credentialsSecret(SECRETS, "tenant-a", "kubetel_tenant_a", "tenant-a-secret");
    kube.credentialsSecret(SECRETS, "tenant-b", "kubetel_tenant_b", "tenant-b-secret");
    kube.credentialsSecret(SECRETS, "tenant-wrong", "kubetel_tenant_a", "not-the-password");
    kube.telemetryTenant(tenant("a-team", "a-ns", "kt_tenancy_a", "tenant-a"));
    kube.telemetryTenant(tenant("b-team", "b-ns", "kt_tenancy_b", "tenant-b"));
    // Points at b's database with a's user: ClickHouse must refuse it.
    kube.telemetryTenant(tenant("z-mallory", "m-ns", "kt_tenancy_b", "tenant-a"));
    kube.telemetryTenant(tenant("w-team", "w-ns", "kt_tenancy_a", "tenant-wrong"));
    for (String ns : List.of("a-ns", "b-ns", "m-ns", "c-ns", "w-ns", "free-ns", "")) {
      kube.allowed.add("alice|list|" + ns + "|logs");
    }
    server =
        ApiServerProcess.startCluster(
            dir.resolve("server"),
            servingCaFile,
            "io.kubetel.apiserver.ApiServerMain",
            List.of(
                "--tls-cert-file",
                dir.resolve("apiserver.crt").toString(),
                "--tls-private-key-file",
                dir.resolve("apiserver.key").toString(),
                "--authentication-kubeconfig",
                kube.writeKubeconfig(dir.resolve("mock.kubeconfig")).toString(),
                "--clickhouse-url",
                LocalClickHouse.url(),
                "--clickhouse-database",
                own.database(),
                "--tenant-credentials-namespace",
                SECRETS));
  }

  private static String tenant(String name, String namespace, String database, String secret) {
    return "{\"apiVersion\": \"kubetel.io/v1alpha1\", \"kind\": \"TelemetryTenant\","
        + " \"metadata\": {\"name\": \""
        + name
        + "\"}, \"spec\": {\"namespaces\": [\""
        + namespace
        + "\"], \"clickhouse\": {\"credentialsSecret\": \""
        + secret
        + "\"}}, \"status\": {\"resolvedNamespaces\": [\""
        + namespace
        + "\"], \"database\": \""
        + database
        + "\"}}";
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, kube, dbA, dbB, own);
  }

  @Test
  void eachTenantsReadsRunAsItsOwnUserAndSeeOnlyItsDatabase() throws Exception {
    assertThat(bodies("a-ns"))
        .containsExactlyInAnyOrder("db=kt_tenancy_a ns=a-ns n=0", "db=kt_tenancy_a ns=a-ns n=1");
    assertThat(bodies("b-ns"))
        .containsExactlyInAnyOrder("db=kt_tenancy_b ns=b-ns n=0", "db=kt_tenancy_b ns=b-ns n=1");
    assertThat(bodies("free-ns"))
        .allMatch(b -> b.startsWith("db=" + own.database() + " ns=free-ns"))
        .hasSize(2);
    assertThat(server.logText())
        .contains(
            "event=tenant_store_opened tenant=a-team database=kt_tenancy_a user=kubetel_tenant_a");
  }

  @Test
  void clickHouseItselfRefusesATenantUserReadingAnotherTenantsDatabase() throws Exception {
    HttpResponse<String> response = get("/namespaces/m-ns/logs");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
    assertThat(status.path("message").asText())
        .contains("tenant \"z-mallory\"", "database \"kt_tenancy_b\"");
    assertThat(response.body()).doesNotContain("db=kt_tenancy_b");
    assertThat(server.logText())
        .contains("event=tenant_access_denied tenant=z-mallory database=kt_tenancy_b")
        .contains("code 291");
  }

  @Test
  void refusedCredentialsAreA503ThatNamesTheTenant() throws Exception {
    HttpResponse<String> response = get("/namespaces/w-ns/logs");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .contains("refused the credentials of tenant \"w-team\"");
    assertThat(server.logText()).doesNotContain("not-the-password");
  }

  @Test
  void aTenantCreatedWhileServingIsRoutedWithinSeconds() throws Exception {
    assertThat(bodies("c-ns")).allMatch(b -> b.startsWith("db=" + own.database()));

    kube.telemetryTenant(tenant("c-team", "c-ns", "kt_tenancy_b", "tenant-b"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(bodies("c-ns"))
                    .containsExactlyInAnyOrder(
                        "db=kt_tenancy_b ns=c-ns n=0", "db=kt_tenancy_b ns=c-ns n=1"));
  }

  private static List<String> bodies(String namespace) throws Exception {
    HttpResponse<String> response = get("/namespaces/" + namespace + "/logs");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> bodies = new ArrayList<>();
    JSON.readTree(response.body())
        .path("items")
        .forEach(item -> bodies.add(item.path("spec").path("body").asText()));
    return bodies;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return server.get(proxy, G + path, Map.of("X-Remote-User", "alice"));
  }

  private static Path write(String name, Object pemObject) throws Exception {
    Path file = dir.resolve(name);
    PemFiles.writePrivate(file, PemFiles.toPem(pemObject));
    return file;
  }
}
