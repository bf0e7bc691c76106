package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.anomaly.scan.AnomalyScanner;
import io.kubetel.anomaly.scan.ScanSettings;
import io.kubetel.model.anomalies.Anomaly;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.anomalies.AnomalyTables;
import io.kubetel.store.anomalies.ClickHouseAnomalyStore;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The anomaly scan against real ClickHouse (both layouts): a latency step in one series becomes one
 * anomaly row in kubetel's own database with its expected range and observed value, a quiet series
 * none; a restarted scan restores each series' detector and newest point from the state table,
 * judges only new points and writes no duplicate. Also paging and the namespace and label filters
 * of the anomalies table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnomalyScanIT {
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final Instant INCIDENT = T0.plus(Duration.ofMinutes(60));
  private static final Instant NOW = T0.plus(Duration.ofMinutes(70));

  LocalClickHouse ch;
  String systemDb;

  @BeforeAll
  void start() {
    ch = LocalClickHouse.start("anomaly_scan");
    systemDb = ch.database() + "_sys";
    Random random = new Random(7);
    TelemetryBatch batch = new TelemetryBatch();
    for (Instant t = T0; t.isBefore(NOW); t = t.plus(STEP)) {
      boolean incident = !t.isBefore(INCIDENT) && t.isBefore(INCIDENT.plus(Duration.ofMinutes(5)));
      batch.gauges.add(gauge("shop", "checkout", "queue.latency", t, incident ? 400 : 100, random));
      batch.gauges.add(gauge("shop", "cart", "queue.latency", t, 100, random));
    }
    ch.writer().write(batch);
  }

  @AfterAll
  void stop() {
    ch.gateway().execute("DROP DATABASE IF EXISTS " + systemDb);
    ch.close();
  }

  @Test
  void findsTheStepAndResumesAfterRestartWithoutDuplicates() {
    ScanSettings settings =
        new ScanSettings(
            Duration.ofSeconds(30),
            Duration.ofMinutes(90),
            Duration.ofMinutes(2),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            io.kubetel.anomaly.Sensitivity.MEDIUM);
    try (ClickHouseTelemetryStore metrics = ch.store()) {
      ClickHouseAnomalyStore store =
          new ClickHouseAnomalyStore(ch.gateway(), systemDb, Clock.systemUTC());
      AnomalyScanner first = new AnomalyScanner(metrics, store, settings, fixed(NOW));
      first.restore();
      AnomalyScanner.ScanReport report = first.scan();
      assertThat(report.series()).isEqualTo(2);
      assertThat(report.points()).isEqualTo(2 * 280);

      List<Anomaly> found = all(store);
      assertThat(found).hasSize(1);
      Anomaly a = found.get(0);
      assertThat(a.namespace()).isEqualTo("shop");
      assertThat(a.service()).isEqualTo("checkout");
      assertThat(a.metricName()).isEqualTo("queue.latency");
      assertThat(a.labels()).containsEntry("queue", "orders");
      assertThat(a.start()).isBetween(INCIDENT, INCIDENT.plus(Duration.ofMinutes(2)));
      assertThat(a.end()).isAfterOrEqualTo(a.start());
      assertThat(a.observed()).isGreaterThan(300);
      assertThat(a.expectedHigh()).isLessThan(a.observed());
      assertThat(a.grade()).isGreaterThan(0).isLessThanOrEqualTo(1);
      assertThat(a.detector()).isEqualTo("rcf");
      assertThat(a.name()).isEqualTo(Anomaly.nameOf(a.series(), a.start()));
      assertThat(store.getAnomaly("shop", a.name())).contains(a);
      assertThat(count(AnomalyTables.STATE)).isEqualTo(2);

      // Restart: a new scanner over the same tables, two minutes of new quiet points later.
      Random random = new Random(11);
      TelemetryBatch more = new TelemetryBatch();
      Instant later = NOW.plus(Duration.ofMinutes(2));
      for (Instant t = NOW; t.isBefore(later); t = t.plus(STEP)) {
        more.gauges.add(gauge("shop", "checkout", "queue.latency", t, 100, random));
        more.gauges.add(gauge("shop", "cart", "queue.latency", t, 100, random));
      }
      ch.writer().write(more);
      AnomalyScanner second = new AnomalyScanner(metrics, store, settings, fixed(later));
      second.restore();
      AnomalyScanner.ScanReport resumed = second.scan();
      assertThat(resumed.points()).as("only points after the saved state").isEqualTo(2 * 8);
      List<Anomaly> after = all(store);
      assertThat(after).hasSize(1);
      assertThat(after.get(0).name()).isEqualTo(a.name());
      assertThat(after.get(0).resolved()).isTrue();
      assertThat(store.openAnomalies()).isEmpty();

      // The same points replayed from an older state write the same anomaly, not a second one.
      store.saveAnomalies(List.of(a));
      assertThat(all(store)).hasSize(1);
    }
  }

  @Test
  void listsByNamespaceLabelAndPage() {
    ClickHouseAnomalyStore store =
        new ClickHouseAnomalyStore(ch.gateway(), systemDb + "_list", Clock.systemUTC());
    try {
      store.saveAnomalies(
          List.of(
              anomaly("shop", "a-1", "checkout", Map.of("queue", "orders")),
              anomaly("shop", "a-2", "cart", Map.of("queue", "carts")),
              anomaly("payments", "a-3", "ledger", Map.of())));
      TimeWindow window = new TimeWindow(T0, NOW);
      Page<Anomaly> first =
          store.listAnomalies(
              new ListRequest(Optional.empty(), window, List.of(), Optional.empty(), 2, false));
      assertThat(first.items()).extracting(Anomaly::name).containsExactly("a-3", "a-1");
      Page<Anomaly> second =
          store.listAnomalies(
              new ListRequest(Optional.empty(), window, List.of(), first.next(), 2, false));
      assertThat(second.items()).extracting(Anomaly::name).containsExactly("a-2");
      assertThat(second.next()).isEmpty();
      assertThat(
              store
                  .listAnomalies(
                      new ListRequest(
                          Optional.of("shop"),
                          window,
                          List.of(io.kubetel.model.filter.FieldFilter.eq("queue", "carts")),
                          Optional.empty(),
                          10,
                          false))
                  .items())
          .extracting(Anomaly::name)
          .containsExactly("a-2");
      TimeWindow before = new TimeWindow(T0.minus(Duration.ofHours(2)), T0.minusSeconds(1));
      assertThat(
              store
                  .listAnomalies(
                      new ListRequest(
                          Optional.empty(), before, List.of(), Optional.empty(), 10, false))
                  .items())
          .isEmpty();
    } finally {
      ch.gateway().execute("DROP DATABASE IF EXISTS " + systemDb + "_list");
    }
  }

  private long count(String table) {
    return ch.gateway()
        .select("SELECT count() AS n FROM " + systemDb + "." + table + " FINAL FORMAT JSONEachRow")
        .get(0)
        .path("n")
        .asLong();
  }

  private static List<Anomaly> all(ClickHouseAnomalyStore store) {
    return store
        .listAnomalies(
            new ListRequest(
                Optional.empty(),
                new TimeWindow(T0, NOW.plus(Duration.ofHours(1))),
                List.of(),
                Optional.empty(),
                100,
                false))
        .items();
  }

  private static Anomaly anomaly(String ns, String name, String service, Map<String, String> l) {
    return new Anomaly(
        name,
        ns,
        "queue-latency-x",
        "queue.latency",
        service,
        l,
        INCIDENT,
        INCIDENT.plusSeconds(60),
        0.8,
        90,
        110,
        400,
        "rcf",
        false);
  }

  private static TelemetryBatch.Gauge gauge(
      String ns, String service, String metric, Instant t, double level, Random random) {
    return new TelemetryBatch.Gauge(
        Map.of("k8s.namespace.name", ns, "service.name", service, "k8s.pod.name", service + "-0"),
        service,
        metric,
        "ms",
        "Queue latency",
        Map.of("queue", service.equals("checkout") ? "orders" : "carts"),
        t,
        level + random.nextGaussian() * 3);
  }

  private static Clock fixed(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }
}
