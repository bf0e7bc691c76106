package io.kubetel.apiserver.bench;

import io.kubetel.apiserver.e2e.ApiServerProcess;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The closed-loop load benchmark ({@code hack/bench.sh api --load}): the production server as its
 * own process (TLS, client-certificate authentication, result cache on) on the 1 M data set, and C
 * keep-alive HTTPS connections presenting the client certificate, each sending its next request as
 * soon as the last answer arrived, for S seconds, over the panels of a dashboard of a past hour
 * (absolute windows: the data set is not recent). Load generator and server share the machine's
 * cores; the table says how much CPU each used, and the server's RSS. Prints; never asserts.
 */
class LoadBenchmark {
  private static final long TICKS_PER_SECOND = 100; // Linux USER_HZ

  @Test
  void run() throws Exception {
    String url = System.getProperty("kubetel.clickhouse.url");
    String engine = System.getProperty("kubetel.clickhouse.engine", "debian");
    SchemaLayout layout = engine.equals("modern") ? SchemaLayout.MODERN : SchemaLayout.COMPAT;
    int connections = Integer.getInteger("kubetel.bench.connections", 100);
    int seconds = Integer.getInteger("kubetel.bench.seconds", 60);
    long points = 1_000_000L;
    var sizes = new BenchData.Sizes(points, points, points);
    String db = BenchData.database(points);
    ClickHouseSettings settings = ClickHouseSettings.of(url, db);
    Instant anchor = BenchData.ensure(settings, layout, sizes);
    Path work = Files.createTempDirectory(ApiServerProcess.targetDir(), "bench-load-");
    try (ApiServerProcess server =
        ApiServerProcess.startOnClickHouse(
            work,
            url,
            db,
            "--untenanted-requests-per-second=1000000",
            "--untenanted-max-concurrent-queries=1000",
            "--max-connections-per-client=" + (connections + 16))) {
      HttpClient client = server.httpClient(true);
      List<String> panels = panels(server.baseUrl(), anchor);
      for (String panel : panels) {
        get(client, panel); // fill the cache: the run measures cached answers
      }
      Run warm = closedLoop(client, panels, connections, 5);
      long serverCpuBefore = cpuTicks(server.pid());
      long loadCpuBefore = loadGeneratorCpuNanos();
      Run run = closedLoop(client, panels, connections, seconds);
      double serverCpu = (cpuTicks(server.pid()) - serverCpuBefore) / (double) TICKS_PER_SECOND;
      double loadCpu = (loadGeneratorCpuNanos() - loadCpuBefore) / 1e9;
      String metrics = get(client, server.baseUrl() + "/metrics").body();
      String out =
          String.format(
              "engine=%s data=%s connections=%d seconds=%d cores=%d warm-up=%d requests%n%n"
                  + "| requests | req/s | p50 ms | p99 ms | errors | server CPU | load generator"
                  + " CPU | server RSS | cache hits / misses |%n"
                  + "|---|---|---|---|---|---|---|---|---|%n"
                  + "| %d | %.0f | %.2f | %.2f | %d | %.1f s (%.0f %% of %d cores) | %.1f s |"
                  + " %d MiB | %s / %s |%n",
              engine,
              sizes.label(),
              connections,
              seconds,
              Runtime.getRuntime().availableProcessors(),
              warm.requests(),
              run.requests(),
              run.requests() / (double) seconds,
              run.timings().millis(0.5),
              run.timings().millis(0.99),
              run.errors(),
              serverCpu,
              100 * serverCpu / seconds / Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().availableProcessors(),
              loadCpu,
              rssMiB(server.pid()),
              counter(metrics, "kubetel_apiserver_result_cache_hits_total"),
              counter(metrics, "kubetel_apiserver_result_cache_misses_total"));
      System.out.println(out);
      Path file = Path.of("target/bench/api-load-result.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out);
    }
  }

  /** A dashboard of the data set's last hour: absolute windows, as a past period is shown. */
  private static List<String> panels(String base, Instant anchor) {
    Instant end = anchor.minusSeconds(60);
    String hour = "&start=" + end.minus(Duration.ofHours(1)) + "&end=" + end;
    String quarter = "&start=" + end.minus(Duration.ofMinutes(15)) + "&end=" + end;
    return CachedApiBenchmark.panels(base, quarter, hour);
  }

  private record Run(long requests, long errors, Timings timings) {}

  private static Run closedLoop(
      HttpClient client, List<String> panels, int connections, int seconds) throws Exception {
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Timings> perConnection = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Timings timings = new Timings();
      perConnection.add(timings);
      int first = c;
      running.add(
          pool.submit(
              () -> {
                for (int i = first; System.nanoTime() < end; i++) {
                  long started = System.nanoTime();
                  try {
                    if (get(client, panels.get(i % panels.size())).statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  timings.add(System.nanoTime() - started);
                  requests.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    Timings all = new Timings();
    perConnection.forEach(all::addAll);
    return new Run(requests.get(), errors.get(), all);
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** utime + stime of {@code pid} in clock ticks (/proc/PID/stat fields 14 and 15). */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long rssMiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static long loadGeneratorCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String counter(String metrics, String name) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + " ")) {
        return line.substring(name.length() + 1).replaceAll("\\.0$", "");
      }
    }
    return "?";
  }
}
