package io.kubetel.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.RequestLog;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (surefire and failsafe pick up {@code *Test} and {@code *IT} only; run it
 * with {@code hack/bench.sh operator}): N TelemetryTenants (default 1000), each with its own
 * namespace, database and viewer group, are created at once against the fabric8 mock API server
 * (CRUD mode) and the local ClickHouse; the packaged operator, a separate JVM started with real
 * flags, reconciles them. It prints the time until every tenant is Ready, the operator's peak RSS
 * (VmHWM), the CPU time each process used meanwhile (where the time goes), the reconciles per
 * controller and the API requests per verb and resource. Nothing here is gated: it fails only when
 * the tenants do not all become Ready within the timeout.
 *
 * <p>System properties: {@code kubetel.clickhouse.url} (required), {@code kubetel.bench.tenants},
 * {@code kubetel.bench.timeout} (seconds), {@code kubetel.bench.java-options} (the operator JVM's,
 * default {@code -Xmx512m}), {@code kubetel.bench.threads} (the operator's reconcile threads),
 * {@code kubetel.bench.clickhouse-pid} (to report ClickHouse's CPU time).
 */
class TenantScaleBenchmark {

  static final Path OUT = Path.of("target", "bench");

  /** Held here: java.util.logging forgets the level of a logger nobody references. */
  static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /** The benchmark's own client, so that its requests are not counted as the operator's. */
  static final String BENCH_AGENT = "kubetel-bench";

  @Test
  void tenantsCreatedAtOnceReachReady() throws Exception {
    int count = Integer.getInteger("kubetel.bench.tenants", 1000);
    Duration timeout = Duration.ofSeconds(Long.getLong("kubetel.bench.timeout", 600));
    String javaOptions = System.getProperty("kubetel.bench.java-options", "-Xmx512m");
    int threads = Integer.getInteger("kubetel.bench.threads", 10);
    long clickHousePid = Long.getLong("kubetel.bench.clickhouse-pid", -1);
    String run = MockCluster.uniqueName("ktbench_");
    Files.createDirectories(OUT);
    // The mock server logs every request at INFO: thousands of lines that would slow the run.
    MOCK_SERVER_LOG.setLevel(Level.WARNING);

    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Path kubeconfig = OUT.resolve("kubeconfig").toAbsolutePath();
    Files.writeString(kubeconfig, kubeconfig(server.url("/").replaceAll("/$", "")));
    try (KubernetesClient client = server.createClient(b -> b.withConfig(benchConfig(server)));
        ClickHouseGateway ch =
            new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"))) {
      MockCluster.namespace(client, "kubetel-system");
      // As an install ships it: without it the tenants' viewers make them ViewerRoleMissing.
      MockCluster.installViewerRole(client);
      for (int i = 0; i < count; i++) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(name(i)).endMetadata().build())
            .create();
      }
      Set<String> ready = ConcurrentHashMap.newKeySet();
      AtomicLong lastReadyNanos = new AtomicLong();
      SharedIndexInformer<TelemetryTenant> watcher =
          client.resources(TelemetryTenant.class).inform(readyCounter(ready, lastReadyNanos));
      try (OperatorProcess operator =
          OperatorProcess.start(
              OperatorProcess.jar(Path.of("target")),
              List.of(javaOptions.trim().split("\\s+")),
              List.of(
                  "--clickhouse-url=" + LocalClickHouse.url(),
                  "--kubeconfig=" + kubeconfig,
                  "--context=mock",
                  "--no-leader-election",
                  "--reconcile-threads=" + threads),
              Map.of("KUBETEL_LOG_LEVEL", "INFO"),
              OUT.resolve("operator.log"),
              Duration.ofSeconds(120))) {
        RequestLog.drain(server); // only the requests the tenants cause are counted
        double operatorCpu0 = OperatorProcess.cpuSeconds(operator.pid());
        double selfCpu0 = OperatorProcess.cpuSeconds(ProcessHandle.current().pid());
        double chCpu0 = OperatorProcess.cpuSeconds(clickHousePid);
        long rssAtStartKb = operator.statusKb("VmRSS");
        long start = System.nanoTime();
        createAll(client, count, run);
        long created = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start;
        while (ready.size() < count && System.nanoTime() < deadline) {
          if (System.nanoTime() >= nextReport) {
            System.out.printf(
                Locale.ROOT,
                "bench operator: %5.1fs %d/%d Ready%n",
                (System.nanoTime() - start) / 1e9,
                ready.size(),
                count);
            nextReport += Duration.ofSeconds(5).toNanos();
          }
          Thread.sleep(50);
        }
        double seconds = (lastReadyNanos.get() - start) / 1e9;
        List<String> report = new ArrayList<>();
        report.add(
            String.format(
                Locale.ROOT,
                "tenants=%d ready=%d time_to_all_ready=%.1fs (all created after %.1fs)",
                count,
                ready.size(),
                ready.size() == count ? seconds : Double.NaN,
                (created - start) / 1e9));
        report.add(
            String.format(
                Locale.ROOT,
                "operator peak RSS (VmHWM)=%d MiB, RSS before the tenants=%d MiB, RSS now=%d MiB;"
                    + " JVM options: %s",
                operator.statusKb("VmHWM") / 1024,
                rssAtStartKb / 1024,
                operator.statusKb("VmRSS") / 1024,
                javaOptions));
        report.add(
            String.format(
                Locale.ROOT,
                "CPU seconds meanwhile: operator=%.1f mock API server+benchmark=%.1f"
                    + " clickhouse=%s (of %.1f on %d cores)",
                OperatorProcess.cpuSeconds(operator.pid()) - operatorCpu0,
                OperatorProcess.cpuSeconds(ProcessHandle.current().pid()) - selfCpu0,
                clickHousePid < 0
                    ? "unknown"
                    : String.format(
                        Locale.ROOT, "%.1f", OperatorProcess.cpuSeconds(clickHousePid) - chCpu0),
                seconds * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors()));
        Map<String, Long> reconciles = operator.reconciles();
        report.add("reconciles until all Ready: " + reconciles);
        report.add("operator's API requests until all Ready: " + operatorRequests(server));
        Thread.sleep(SETTLE.toMillis());
        long more =
            operator.reconciles().values().stream().mapToLong(Long::longValue).sum()
                - reconciles.values().stream().mapToLong(Long::longValue).sum();
        report.add(
            "in the "
                + SETTLE.toSeconds()
                + " s after: "
                + more
                + " more reconciles, API requests "
                + operatorRequests(server));
        report.add(
            "load average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).trim()
                + "; reconcile threads="
                + threads);
        report.forEach(line -> System.out.println("bench operator: " + line));
        Files.write(OUT.resolve("operator-result.txt"), report);
        assertThat(ready).as("tenants Ready within " + timeout).hasSize(count);
      } finally {
        watcher.close();
        dropDatabases(ch, run);
        server.destroy();
      }
    }
  }

  /** How long the benchmark watches for work after all tenants are Ready (there should be none). */
  static final Duration SETTLE = Duration.ofSeconds(5);

  /** The requests since the last call, without the benchmark's own. */
  static String operatorRequests(KubernetesMockServer server) throws InterruptedException {
    RequestLog log = RequestLog.drain(server);
    return log.filter(c -> !BENCH_AGENT.equals(c.userAgent())).summary();
  }

  static io.fabric8.kubernetes.client.Config benchConfig(KubernetesMockServer server) {
    return new io.fabric8.kubernetes.client.ConfigBuilder()
        .withMasterUrl(server.url("/"))
        .withUserAgent(BENCH_AGENT)
        .withRequestTimeout(60_000)
        .build();
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "bench-%04d", i);
  }

  /** Creates the tenants from 16 threads, as fast as the mock server takes them. */
  static void createAll(KubernetesClient client, int count, String run) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        TelemetryTenant t = new TelemetryTenant();
        t.getMetadata().setName(name(i));
        TelemetryTenantSpec spec = new TelemetryTenantSpec();
        spec.setNamespaces(List.of(name(i)));
        spec.setDatabase(run + "_" + i);
        spec.setViewers(List.of(new Subject(SubjectKind.Group, name(i) + "-devs", null)));
        t.setSpec(spec);
        done.add(pool.submit(() -> client.resource(t).create()));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Counts the tenants whose Ready condition is True; remembers when the last one became so. */
  static ResourceEventHandler<TelemetryTenant> readyCounter(Set<String> ready, AtomicLong last) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(TelemetryTenant t) {
        onUpdate(null, t);
      }

      @Override
      public void onUpdate(TelemetryTenant before, TelemetryTenant t) {
        boolean isReady =
            t.getStatus() != null
                && ConditionSet.find(t.getStatus().getConditions(), "Ready")
                    .map(c -> c.isTrue())
                    .orElse(false);
        if (isReady && ready.add(t.getMetadata().getName())) {
          last.set(System.nanoTime());
        }
      }

      @Override
      public void onDelete(TelemetryTenant t, boolean unknown) {}
    };
  }

  static String kubeconfig(String server) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: mock",
        "  cluster: {server: '" + server + "'}",
        "users:",
        "- name: bench",
        "  user: {token: bench}",
        "contexts:",
        "- name: mock",
        "  context: {cluster: mock, user: bench, namespace: kubetel-system}",
        "current-context: mock",
        "");
  }

  static void dropDatabases(ClickHouseGateway ch, String run) {
    for (var row :
        ch.select(
            "SELECT name FROM system.databases WHERE startsWith(name, '"
                + run
                + "') FORMAT JSONEachRow")) {
      ch.execute("DROP DATABASE IF EXISTS " + row.get("name").asText());
    }
  }
}
