package io.kubetel.apiserver.bench;

import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.cache.CacheScope;
import io.kubetel.apiserver.cache.CachingTelemetryStore;
import io.kubetel.apiserver.cache.QueryKeys;
import io.kubetel.apiserver.cache.ResultCache;
import io.kubetel.apiserver.cache.ResultCacheMetrics;
import io.kubetel.apiserver.cache.ResultCacheSettings;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cached API benchmark ({@code hack/bench.sh api --cached}): the same reads with the result
 * cache off and on, through the production router and handlers, on the 1 M points data set. Two
 * patterns: dashboard viewers refreshing a set of relative-window panels on a fixed period, and N
 * identical requests at once. Prints median/p99, the hit ratio and the ClickHouse queries run;
 * never asserts. The server's clock is shifted so that "now" is the data set's newest minute.
 */
class CachedApiBenchmark {
  private static final String API = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/bench/";

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong queries = new AtomicLong();

  @Test
  void run() throws Exception {
    String url = System.getProperty("kubetel.clickhouse.url");
    String engine = System.getProperty("kubetel.clickhouse.engine", "debian");
    SchemaLayout layout = engine.equals("modern") ? SchemaLayout.MODERN : SchemaLayout.COMPAT;
    int viewers = Integer.getInteger("kubetel.bench.viewers", 20);
    int seconds = Integer.getInteger("kubetel.bench.seconds", 30);
    int refresh = Integer.getInteger("kubetel.bench.refresh", 5);
    int concurrent = Integer.getInteger("kubetel.bench.concurrent", 50);
    long points = 1_000_000L;
    var sizes = new BenchData.Sizes(points, points, points);
    String db = BenchData.database(points);
    ClickHouseSettings settings = ClickHouseSettings.of(url, db);
    Instant anchor = BenchData.ensure(settings, layout, sizes);
    // "now" is the data's newest minute, moving on in real time: relative windows see the data.
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), anchor));
    ClickHouseGateway gateway = new ClickHouseGateway(settings);
    gateway.observe((sql, nanos, rows, read, bytes) -> queries.incrementAndGet());
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "engine=%s data=%s viewers=%d refresh=%ds seconds=%d concurrent=%d cores=%d%n%n",
            engine,
            sizes.label(),
            viewers,
            refresh,
            seconds,
            concurrent,
            Runtime.getRuntime().availableProcessors()));
    out.append(
        "| pattern | cache | requests | median ms | p99 ms | hit ratio | ClickHouse queries |"
            + " coalesced |\n|---|---|---|---|---|---|---|---|\n");
    try (var store = new ClickHouseTelemetryStore(gateway, layout, clock)) {
      for (boolean cached : new boolean[] {false, true}) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResultCacheMetrics metrics = new ResultCacheMetrics(registry);
        TelemetryStore reads =
            cached
                ? new CachingTelemetryStore(
                    store,
                    new ResultCache(ResultCacheSettings.DEFAULTS, metrics),
                    CacheScope.SERVER,
                    new QueryKeys(clock, ResultCacheSettings.DEFAULTS))
                : store;
        try (var server =
            new TestApiServer(
                w ->
                    TelemetryResources.create(
                        new TelemetryResources.Reads(reads, store, Optional.empty()),
                        Optional.empty(),
                        w,
                        clock,
                        ResourceSettings.DEFAULTS,
                        ContinueKey::random,
                        Optional.empty()))) {
          String base = "http://127.0.0.1:" + server.port();
          out.append(dashboards(base, cached, metrics, viewers, seconds, refresh));
          out.append(identical(base, cached, metrics, concurrent, anchor));
        }
      }
    }
    System.out.println(out);
    Path file = Path.of("target/bench/api-cached-result.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString());
  }

  /** The panels of one dashboard refresh (relative windows, as the UI sends them). */
  private static List<String> panels() {
    return panels("", "&window=15m", "&window=1h");
  }

  /**
   * The 5 panels of the benchmarks' dashboard (metrics, logs, traces, ERROR logs, one service's
   * metrics) under {@code base}, with the time parameters of a quarter-hour and of an hour panel.
   */
  static List<String> panels(String base, String quarter, String hour) {
    return List.of(
        base + API + "metrics?limit=50" + quarter,
        base + API + "logs?limit=100" + quarter,
        base + API + "traces?limit=50" + quarter,
        base + API + "logs?limit=20&labelSelector=severity%3DERROR" + quarter,
        base + API + "metrics?limit=20&labelSelector=service%3Dsvc-1" + hour);
  }

  private String dashboards(
      String base,
      boolean cached,
      ResultCacheMetrics metrics,
      int viewers,
      int seconds,
      int refresh)
      throws Exception {
    Timings timings = new Timings();
    AtomicLong requests = new AtomicLong();
    long queriesBefore = queries.get();
    Snapshot before = Snapshot.of(metrics);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(viewers);
    List<Future<?>> running = new ArrayList<>();
    for (int v = 0; v < viewers; v++) {
      long phase = (long) (refresh * 1000.0 * v / viewers);
      running.add(
          pool.submit(
              () -> {
                Thread.sleep(phase);
                while (System.nanoTime() < end) {
                  long tick = System.nanoTime();
                  for (String path : panels()) {
                    long started = System.nanoTime();
                    send(base + path);
                    synchronized (timings) {
                      timings.add(System.nanoTime() - started);
                    }
                    requests.incrementAndGet();
                  }
                  long wait = refresh * 1000L - (System.nanoTime() - tick) / 1_000_000;
                  if (wait > 0) {
                    Thread.sleep(wait);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return row(
        "dashboard refresh ("
            + viewers
            + " viewers × "
            + panels().size()
            + " panels every "
            + refresh
            + " s)",
        cached,
        requests.get(),
        timings,
        Snapshot.of(metrics).minus(before),
        queries.get() - queriesBefore);
  }

  private String identical(
      String base, boolean cached, ResultCacheMetrics metrics, int n, Instant anchor)
      throws Exception {
    Timings timings = new Timings();
    long queriesBefore = queries.get();
    Snapshot before = Snapshot.of(metrics);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    int rounds = 5;
    for (int round = 0; round < rounds; round++) {
      // Each round its own past window: a miss for the first request of the round.
      Instant to = anchor.minusSeconds(120 + round);
      String path = API + "logs?limit=500&start=" + to.minus(Duration.ofMinutes(15)) + "&end=" + to;
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(
            pool.submit(
                () -> {
                  long started = System.nanoTime();
                  send(base + path);
                  synchronized (timings) {
                    timings.add(System.nanoTime() - started);
                  }
                  return null;
                }));
      }
      for (Future<?> f : calls) {
        f.get();
      }
    }
    pool.shutdown();
    return row(
        n + " identical requests at once (logs, limit 500), " + rounds + " rounds",
        cached,
        (long) n * rounds,
        timings,
        Snapshot.of(metrics).minus(before),
        queries.get() - queriesBefore);
  }

  private static String row(
      String pattern, boolean cached, long requests, Timings t, Snapshot s, long queries) {
    double total = s.hits + s.misses + s.coalesced;
    String line =
        String.format(
            "| %s | %s | %d | %.1f | %.1f | %s | %d | %s |%n",
            pattern,
            cached ? "on" : "off",
            requests,
            t.millis(0.5),
            t.millis(0.99),
            cached ? String.format("%.1f %%", 100 * (s.hits + s.coalesced) / total) : "—",
            queries,
            cached ? String.format("%.0f", s.coalesced) : "—");
    System.out.print(line);
    return line;
  }

  private void send(String url) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", TestApiServer.TABLE_ACCEPT)
            .GET()
            .build();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode());
    }
  }

  /** The cache's counters at one moment. */
  private record Snapshot(double hits, double misses, double coalesced) {
    static Snapshot of(ResultCacheMetrics m) {
      return new Snapshot(m.hits(), m.misses(), m.coalescedReads());
    }

    Snapshot minus(Snapshot o) {
      return new Snapshot(hits - o.hits, misses - o.misses, coalesced - o.coalesced);
    }
  }
}
