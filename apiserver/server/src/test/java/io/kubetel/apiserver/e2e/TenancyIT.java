package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenancy end to end, randomized: a random number of TelemetryTenants, each with its own ClickHouse
 * database and random namespaces, plus namespaces of no tenant reading the default database. Every
 * database holds rows for <em>every</em> namespace, each row's body naming the database it was
 * written to, so a read routed to the wrong database shows up as a foreign row. The API server runs
 * as its own process in standalone mode, the tenants read from {@code --custom-resources-dir}.
 * Asserts on the rows returned: each namespace sees exactly its tenant's database's rows for it;
 * {@code -A} merges every database across pages (HTTP continue tokens and kubectl's chunking), and
 * a watch across all namespaces sees new rows of every database.
 */
class TenancyIT {
  private static final ObjectMapper JSON = io.kubetel.model.json.Json.mapper();
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";

  private static final List<LocalClickHouse> databases = new ArrayList<>();
  private static LocalClickHouse own;

  /** namespace → the database its reads must come from. */
  private static final Map<String, String> expectedDatabase = new LinkedHashMap<>();

  /** every body written, by database then namespace. */
  private static final Map<String, Map<String, List<String>>> written = new HashMap<>();

  private static ApiServerProcess server;
  private static HttpClient client;
  private static Kubectl kubectl;
  private static long seed;

  @BeforeAll
  static void start() throws Exception {
    seed = System.nanoTime();
    Random random = new Random(seed);
    System.out.println("TenancyIT seed=" + seed);
    own = LocalClickHouse.start("tenancy_own");
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-tenancy-");
    Path resources = Files.createDirectories(work.resolve("resources"));
    int tenants = 3 + random.nextInt(3);
    for (int t = 0; t < tenants; t++) {
      LocalClickHouse db = LocalClickHouse.start("tenancy_t" + t);
      databases.add(db);
      List<String> namespaces = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int n = 0; n < count; n++) {
        String namespace = "t" + t + "-n" + n + "-" + Integer.toString(random.nextInt(46656), 36);
        namespaces.add(namespace);
        expectedDatabase.put(namespace, db.database());
      }
      Files.writeString(
          resources.resolve("tenant-" + t + ".yaml"),
          "apiVersion: kubetel.io/v1alpha1\n"
              + "kind: TelemetryTenant\n"
              + "metadata:\n  name: team-"
              + t
              + "\nspec:\n  database: "
              + db.database()
              + "\n  namespaces: "
              + JSON.writeValueAsString(namespaces)
              + "\n  quotas:\n    requestsPerSecond: 1000\n");
    }
    for (int n = 0; n < 2; n++) {
      expectedDatabase.put("free-" + n, own.database());
    }
    // A tenant without a database (the operator would provision one) routes nothing here.
    Files.writeString(
        resources.resolve("no-database.yaml"),
        "apiVersion: kubetel.io/v1alpha1\nkind: TelemetryTenant\nmetadata:\n  name: pending\n"
            + "spec:\n  namespaces: [free-1]\n");
    List<LocalClickHouse> all = new ArrayList<>(databases);
    all.add(own);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (LocalClickHouse db : all) {
      TelemetryBatch batch = new TelemetryBatch();
      for (String namespace : expectedDatabase.keySet()) {
        int rows = 1 + random.nextInt(4);
        for (int i = 0; i < rows; i++) {
          String body = "db=" + db.database() + " ns=" + namespace + " n=" + i;
          written
              .computeIfAbsent(db.database(), d -> new HashMap<>())
              .computeIfAbsent(namespace, x -> new ArrayList<>())
              .add(body);
          batch.logs.add(TenantLogs.log(namespace, now.minusSeconds(120 + i), body));
        }
      }
      db.writer().write(batch);
    }
    server =
        ApiServerProcess.startOnClickHouse(
            work,
            LocalClickHouse.url(),
            own.database(),
            "--custom-resources-dir",
            resources.toString(),
            "--watch-poll-interval",
            "500ms",
            // Routing is tested here, the rate quota in TenancyQuotasIT: paging -A through many
            // continue tokens from the cache can pass the default 20 requests/s.
            "--untenanted-requests-per-second",
            "10000");
    client = server.httpClient(true);
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server);
    for (LocalClickHouse db : databases) {
      db.close();
    }
    ApiServerProcess.closeAll(own);
  }

  @Test
  void eachNamespaceSeesExactlyItsTenantsRowsAndNoOtherDatabasesRows() throws Exception {
    for (Map.Entry<String, String> entry : expectedDatabase.entrySet()) {
      String namespace = entry.getKey();
      HttpResponse<String> response =
          server.get(client, G + "/namespaces/" + namespace + "/logs?limit=500", Map.of());
      assertThat(response.statusCode()).as("seed %d: %s", seed, response.body()).isEqualTo(200);

      List<String> bodies = bodies(JSON.readTree(response.body()));

      assertThat(bodies)
          .as("seed %d: namespace %s must read only %s", seed, namespace, entry.getValue())
          .containsExactlyInAnyOrderElementsOf(written.get(entry.getValue()).get(namespace));
    }
  }

  @Test
  void allNamespacesMergesEveryDatabaseAcrossContinueTokens() throws Exception {
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      HttpResponse<String> response =
          server.get(
              client,
              G + "/logs?limit=7" + (token.isEmpty() ? "" : "&continue=" + encode(token)),
              Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode list = JSON.readTree(response.body());
      seen.addAll(bodies(list));
      token = list.path("metadata").path("continue").asText("");
      pages++;
    } while (!token.isEmpty() && pages < 1000);

    assertThat(pages).isGreaterThan(1);
    assertThat(seen).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(allWritten());
  }

  @Test
  void kubectlAllNamespacesInChunksListsEveryDatabasesRows() throws Exception {
    Kubectl.Result result =
        kubectl.ok(
            "get",
            "logs",
            "-A",
            "--chunk-size=5",
            "-o",
            "jsonpath={range .items[*]}{.spec.body}{\"\\n\"}{end}");

    List<String> lines =
        result.stdout().lines().filter(l -> !l.isBlank() && !l.startsWith("watched ")).toList();
    assertThat(lines).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(allWritten());
  }

  @Test
  void aWatchOverAllNamespacesSeesNewRowsOfEveryDatabase() throws Exception {
    HttpResponse<String> list = server.get(client, G + "/logs?limit=1", Map.of());
    String rv = JSON.readTree(list.body()).path("metadata").path("resourceVersion").asText();
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    server.baseUrl()
                        + G
                        + "/logs?watch=true&timeoutSeconds=30&resourceVersion="
                        + encode(rv)))
            .GET()
            .build();
    CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> watch =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<java.util.stream.Stream<String>> response = watch.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(events::add);
              } catch (RuntimeException closed) {
                // the test ended the stream
              }
            });
    reader.setDaemon(true);
    reader.start();

    List<String> expected = new ArrayList<>();
    Instant now = Instant.now();
    for (LocalClickHouse db : List.of(databases.get(0), databases.get(1), own)) {
      String namespace =
          expectedDatabase.entrySet().stream()
              .filter(e -> e.getValue().equals(db.database()))
              .findFirst()
              .orElseThrow()
              .getKey();
      String body = "watched db=" + db.database();
      TelemetryBatch batch = new TelemetryBatch();
      batch.logs.add(TenantLogs.log(namespace, now, body));
      db.writer().write(batch);
      expected.add(body);
    }

    List<String> arrived = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (arrived.size() < expected.size() && System.nanoTime() < deadline) {
      String line = events.poll(1, TimeUnit.SECONDS);
      if (line == null || line.isBlank()) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      String body = event.path("object").path("spec").path("body").asText();
      if (body.startsWith("watched ")) {
        assertThat(event.path("type").asText()).isEqualTo("ADDED");
        arrived.add(body);
      }
    }
    response.body().close();
    assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> allWritten() {
    List<String> all = new ArrayList<>();
    written.values().forEach(byNamespace -> byNamespace.values().forEach(all::addAll));
    return all;
  }

  private static List<String> bodies(JsonNode list) {
    List<String> bodies = new ArrayList<>();
    list.path("items").forEach(item -> bodies.add(item.path("spec").path("body").asText()));
    // "watched" rows (the watch test's) may or may not exist yet, whatever the test order.
    bodies.removeIf(b -> b.startsWith("watched "));
    return bodies;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
