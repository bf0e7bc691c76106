package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Log;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The two-tenant flood benchmark ({@code hack/bench.sh tenants}; numbers in {@code
 * docs/benchmarks.md}): tenant "victim" reads its logs at a steady rate while another tenant floods
 * the same API server process from many threads. Three phases: the victim alone; a flood by
 * "flood-capped" (maxConcurrentQueries 2 by default, the quota doing its job); a flood by
 * "flood-uncapped" (maxConcurrentQueries 1000, i.e. no quota) for comparison. Prints the victim's
 * latency percentiles per phase and the flooder's throughput and 429 count. Measured, never gated
 * (run by failsafe only when named; not part of hack/test.sh).
 */
class TenantFloodBenchmark {
  private static final String G = "/apis/telemetry.kubetel.io/v1alpha1";
  private static final int FLOOD_THREADS = Integer.getInteger("kubetel.bench.flood-threads", 24);
  private static final int PHASE_SECONDS = Integer.getInteger("kubetel.bench.phase-seconds", 20);
  private static final int VICTIM_RPS = Integer.getInteger("kubetel.bench.victim-rps", 5);
  private static final int ROWS = Integer.getInteger("kubetel.bench.rows", 20_000);
  private static final int CAPPED = Integer.getInteger("kubetel.bench.capped-concurrency", 2);

  @Test
  void victimLatencyUnderAnotherTenantsFlood() throws Exception {
    try (LocalClickHouse own = LocalClickHouse.start("bench_own");
        LocalClickHouse victimDb = LocalClickHouse.start("bench_victim");
        LocalClickHouse floodDb = LocalClickHouse.start("bench_flood")) {
      fill(victimDb, "victim");
      fill(floodDb, "flood-capped");
      fill(floodDb, "flood-uncapped");
      Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "bench-tenants-");
      Path resources = Files.createDirectories(work.resolve("resources"));
      Files.writeString(
          resources.resolve("tenants.yaml"),
          tenant("victim", victimDb.database(), 10)
              + "---\n"
              + tenant("flood-capped", floodDb.database(), CAPPED)
              + "---\n"
              + tenant("flood-uncapped", floodDb.database(), 1000));
      try (ApiServerProcess server =
          ApiServerProcess.startOnClickHouse(
              work,
              LocalClickHouse.url(),
              own.database(),
              "--custom-resources-dir",
              resources.toString())) {
        HttpClient client = server.httpClient(true);
        List<String> report = new ArrayList<>();
        phase(server, client, "warm-up", null, report);
        report.clear();
        report.add(
            String.format(
                "rows per namespace %d, victim %d req/s, flood %d threads, capped tenant"
                    + " maxConcurrentQueries %d, %d s per phase, %d cores",
                ROWS,
                VICTIM_RPS,
                FLOOD_THREADS,
                CAPPED,
                PHASE_SECONDS,
                Runtime.getRuntime().availableProcessors()));
        phase(server, client, "victim alone", null, report);
        phase(server, client, "flood by capped tenant", "flood-capped", report);
        phase(server, client, "flood by uncapped tenant", "flood-uncapped", report);
        Path out = ApiServerProcess.targetDir().resolve("bench");
        Files.createDirectories(out);
        Files.write(out.resolve("tenants-result.txt"), report);
        report.forEach(System.out::println);
      }
    }
  }

  private static String tenant(String name, String database, int concurrency) {
    return "apiVersion: kubetel.io/v1alpha1\nkind: TelemetryTenant\nmetadata:\n  name: "
        + name
        + "\nspec:\n  namespaces: ["
        + name
        + "]\n  database: "
        + database
        + "\n  quotas:\n    maxConcurrentQueries: "
        + concurrency
        + "\n    requestsPerSecond: 10000\n";
  }

  private static void fill(LocalClickHouse db, String namespace) {
    Instant now = Instant.now();
    for (int done = 0; done < ROWS; ) {
      TelemetryBatch batch = new TelemetryBatch();
      for (int i = 0; i < 5000 && done < ROWS; i++, done++) {
        batch.logs.add(
            new Log(
                Map.of("k8s.namespace.name", namespace, "service.name", "svc-" + (done % 7)),
                "svc-" + (done % 7),
                now.minusMillis(1000L + done * 150L),
                "",
                "",
                done % 10 == 0 ? "ERROR" : "INFO",
                done % 10 == 0 ? 17 : 9,
                "request " + done + " handled",
                Map.of("http.route", "/r/" + (done % 13))));
      }
      db.writer().write(batch);
    }
  }

  private static void phase(
      ApiServerProcess server, HttpClient client, String name, String flooder, List<String> report)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong floodOk = new AtomicLong();
    AtomicLong flood429 = new AtomicLong();
    AtomicLong floodOther = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(FLOOD_THREADS + 1);
    if (flooder != null) {
      for (int t = 0; t < FLOOD_THREADS; t++) {
        pool.submit(
            () -> {
              while (running.get()) {
                try {
                  HttpResponse<String> r =
                      server.get(
                          client,
                          G
                              + "/namespaces/"
                              + flooder
                              + "/logs?limit=500&fieldSelector=window%3D2h",
                          Map.of());
                  (r.statusCode() == 200 ? floodOk : r.statusCode() == 429 ? flood429 : floodOther)
                      .incrementAndGet();
                } catch (Exception e) {
                  floodOther.incrementAndGet();
                }
              }
              return null;
            });
      }
      Thread.sleep(1000); // let the flood build up
    }
    List<Long> victim = Collections.synchronizedList(new ArrayList<>());
    AtomicLong victimErrors = new AtomicLong();
    long period = 1_000_000_000L / VICTIM_RPS;
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(PHASE_SECONDS);
    for (long next = start; next < end; next += period) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          server.get(
              client, G + "/namespaces/victim/logs?limit=100&fieldSelector=window%3D2h", Map.of());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (r.statusCode() == 200) {
        victim.add(ms);
      } else {
        victimErrors.incrementAndGet();
      }
    }
    long elapsed = System.nanoTime() - start;
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(victim);
    Collections.sort(sorted);
    assertThat(sorted).as(name + ": the victim got answers").isNotEmpty();
    report.add(
        String.format(
            "%-26s victim n=%d p50=%dms p95=%dms p99=%dms max=%dms errors=%d | flood ok=%.0f/s"
                + " 429=%.0f/s other=%d",
            name,
            sorted.size(),
            percentile(sorted, 50),
            percentile(sorted, 95),
            percentile(sorted, 99),
            sorted.get(sorted.size() - 1),
            victimErrors.get(),
            floodOk.get() / (elapsed / 1e9),
            flood429.get() / (elapsed / 1e9),
            floodOther.get()));
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
