package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Log;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant quotas end to end (API server process, standalone, real ClickHouse): past {@code
 * requestsPerSecond} a 429 TooManyRequests Status with {@code Retry-After}, and service again after
 * it; a tenant's ClickHouse limits ({@code maxResultRows}) apply to its queries only; a tenant
 * whose credentials Secret is missing gets a 503 instead of the server's own ClickHouse user.
 */
class TenancyQuotasIT {
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";

  private static LocalClickHouse own;
  private static LocalClickHouse shared;
  private static ApiServerProcess server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    own = LocalClickHouse.start("tenancy_quota_own");
    shared = LocalClickHouse.start("tenancy_quota");
    TelemetryBatch batch = new TelemetryBatch();
    Instant now = Instant.now();
    for (String namespace : List.of("throttled", "tiny", "roomy", "orphan")) {
      for (int i = 0; i < 5; i++) {
        batch.logs.add(
            new Log(
                Map.of("k8s.namespace.name", namespace, "service.name", "svc"),
                "svc",
                now.minusSeconds(60 + i),
                "",
                "",
                "INFO",
                9,
                namespace + " " + i,
                Map.of()));
      }
    }
    shared.writer().write(batch);
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-tenancy-quotas-");
    Path resources = Files.createDirectories(work.resolve("resources"));
    Files.writeString(
        resources.resolve("tenants.yaml"),
        tenant("throttled", "requestsPerSecond: 1")
            + "---\n"
            + tenant("tiny", "maxResultRows: 1")
            + "---\n"
            + tenant("roomy", "maxResultRows: 1000")
            + "---\n"
            + tenant("orphan", "maxResultRows: 1000")
            + "  clickhouse:\n    credentialsSecret: orphan-clickhouse\n");
    server =
        ApiServerProcess.startOnClickHouse(
            work,
            LocalClickHouse.url(),
            own.database(),
            "--custom-resources-dir",
            resources.toString());
    client = server.httpClient(true);
  }

  private static String tenant(String name, String quota) {
    return "apiVersion: kubetel.io/v1alpha1\nkind: TelemetryTenant\nmetadata:\n  name: "
        + name
        + "\nspec:\n  namespaces: ["
        + name
        + "]\n  database: "
        + shared.database()
        + "\n  quotas:\n    "
        + quota
        + "\n";
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, shared, own);
  }

  @Test
  void pastRequestsPerSecondA429WithRetryAfterThenServiceAgain() throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      responses.add(server.get(client, G + "/namespaces/throttled/logs", Map.of()));
    }

    assertThat(responses.get(0).statusCode()).as(responses.get(0).body()).isEqualTo(200);
    HttpResponse<String> refused =
        responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    JsonNode status = JSON.readTree(refused.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(status.path("message").asText())
        .contains("tenant \"throttled\"", "requestsPerSecond=1");
    int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1, 2);
    assertThat(status.path("details").path("retryAfterSeconds").asInt()).isEqualTo(retryAfter);

    Thread.sleep(retryAfter * 1000L + 100);
    assertThat(server.get(client, G + "/namespaces/throttled/logs", Map.of()).statusCode())
        .isEqualTo(200);
    // Another tenant's namespace was never throttled by it.
    assertThat(server.get(client, G + "/namespaces/roomy/logs", Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void alertEventsOfATenantsNamespaceCountAgainstItsRequestRate() throws Exception {
    Thread.sleep(2100); // a full bucket, whatever ran before
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      codes.add(server.get(client, G + "/namespaces/throttled/alertevents", Map.of()).statusCode());
    }

    assertThat(codes.get(0)).isEqualTo(200);
    assertThat(codes).contains(429);
  }

  @Test
  void aTenantsClickHouseLimitsApplyToItsQueriesOnly() throws Exception {
    HttpResponse<String> tiny = server.get(client, G + "/namespaces/tiny/logs", Map.of());
    HttpResponse<String> roomy = server.get(client, G + "/namespaces/roomy/logs", Map.of());

    assertThat(tiny.statusCode()).as(tiny.body()).isEqualTo(400);
    assertThat(JSON.readTree(tiny.body()).path("message").asText()).contains("too many rows");
    assertThat(roomy.statusCode()).as(roomy.body()).isEqualTo(200);
    assertThat(JSON.readTree(roomy.body()).path("items")).hasSize(5);
  }

  @Test
  void aMissingCredentialsSecretIsA503NotTheServersOwnUser() throws Exception {
    HttpResponse<String> orphan = server.get(client, G + "/namespaces/orphan/logs", Map.of());

    assertThat(orphan.statusCode()).as(orphan.body()).isEqualTo(503);
    assertThat(orphan.headers().firstValue("Retry-After")).isEmpty();
    assertThat(JSON.readTree(orphan.body()).path("message").asText())
        .contains("tenant \"orphan\" is not ready");
  }
}
