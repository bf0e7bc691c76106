package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.testing.KnownTelemetry;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Gauge;
import io.kubetel.store.write.TelemetryBatch.Sum;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl get metric NAME} reads only what the name encodes: the metric names whose
 * sanitized form is the name's prefix (one statement over the tables' name column), then one series
 * query restricted to those names, not an aggregation of every series of the namespace. Two metric
 * names that sanitize alike (and a gauge and a sum) are told apart by the fingerprint.
 */
class MetricGetByNameIT {
  static LocalClickHouse ch;
  static ClickHouseTelemetryStore store;
  static TimeWindow window;
  static final List<String> statements = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void seed() {
    ch = LocalClickHouse.start("getbyname");
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(300);
    window = new TimeWindow(t0.minusSeconds(600), t0.plusSeconds(600));
    Map<String, String> pod = KnownTelemetry.res("shop", "checkout-1", "node-a");
    TelemetryBatch batch = new TelemetryBatch();
    batch.gauges.add(new Gauge(pod, "checkout", "queue.depth_now", "1", "", Map.of(), t0, 3));
    batch.gauges.add(new Gauge(pod, "checkout", "queue.depth-now", "1", "", Map.of(), t0, 4));
    batch.gauges.add(new Gauge(pod, "checkout", "other.metric", "1", "", Map.of(), t0, 5));
    batch.sums.add(
        new Sum(
            pod,
            "checkout",
            "QUEUE.depth.now",
            "1",
            "",
            Map.of(),
            t0.minusSeconds(60),
            t0,
            9,
            2,
            true));
    ch.writer().write(batch);
    ClickHouseGateway gateway = new ClickHouseGateway(ch.settings());
    // Telemetry reads only (the store's one-time table discovery reads system tables).
    gateway.observe(
        (sql, nanos, rows, readRows, readBytes) -> {
          if (!sql.contains(" system.")) {
            statements.add(sql);
          }
        });
    store = new ClickHouseTelemetryStore(gateway, ch.layout(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (ch != null) {
      ch.close();
    }
  }

  @Test
  void everySeriesIsFoundByItsNameAmongNamesThatSanitizeAlike() {
    List<MetricSeries> all =
        store
            .listSeries(
                new ListRequest(
                    Optional.of("shop"), window, List.of(), Optional.empty(), 100, false))
            .items();
    assertThat(all)
        .extracting(MetricSeries::metricName)
        .containsExactlyInAnyOrder(
            "queue.depth_now", "queue.depth-now", "other.metric", "QUEUE.depth.now");

    for (MetricSeries listed : all) {
      statements.clear();
      MetricSeries got = store.getSeries("shop", listed.name(), window).orElseThrow();

      assertThat(got.metricName()).isEqualTo(listed.metricName());
      assertThat(got.stats()).isEqualTo(listed.stats());
      // One statement for the names, then only the tables holding a candidate name.
      assertThat(statements.get(0)).contains("UNION ALL");
      assertThat(statements.subList(1, statements.size()))
          .isNotEmpty()
          .allSatisfy(sql -> assertThat(sql).contains("MetricName IN ("));
    }
  }

  @Test
  void theSeriesQueryIsRestrictedToTheCandidateNames() {
    MetricSeries depth =
        store
            .listSeries(
                new ListRequest(
                    Optional.of("shop"), window, List.of(), Optional.empty(), 100, false))
            .items()
            .stream()
            .filter(s -> s.metricName().equals("queue.depth_now"))
            .findFirst()
            .orElseThrow();
    statements.clear();

    store.getSeries("shop", depth.name(), window).orElseThrow();

    // Both gauges named queue-depth-now once sanitized are candidates; other.metric is not.
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1))
        .contains("'queue.depth_now'", "'queue.depth-now'")
        .doesNotContain("other.metric");
    assertThat(depth.type()).isEqualTo(MetricType.GAUGE);
  }

  @Test
  void aNameNoMetricSanitizesToIsNotFoundWithoutReadingSeries() {
    statements.clear();

    assertThat(store.getSeries("shop", "no.such.metric-0123456789", window)).isEmpty();
    assertThat(statements).hasSize(1);
  }
}
