package io.kubetel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample generator's data, written and read back through the store. */
class SampleDataIT {
  static LocalClickHouse ch;
  static ClickHouseTelemetryStore store;
  static TimeWindow window;
  static TelemetryBatch batch;

  @BeforeAll
  static void load() {
    ch = LocalClickHouse.start("sample");
    Instant end = Instant.parse("2026-11-25T12:00:00Z");
    Instant start = end.minus(Duration.ofMinutes(5));
    SampleTelemetryGenerator gen =
        new SampleTelemetryGenerator(7, start.minusSeconds(60), Duration.ofSeconds(15), 1);
    batch = gen.generate(start, end);
    new TelemetryWriter(ch.gateway(), ch.layout()).write(batch);
    store = new ClickHouseTelemetryStore(ch.gateway(), ch.layout(), Clock.systemUTC());
    window = new TimeWindow(start, end.plusSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  static ListRequest req(String ns) {
    return new ListRequest(
        Optional.ofNullable(ns), window, List.of(), Optional.empty(), 500, false);
  }

  @Test
  void staleMarkersAreWrittenButNeverRead() {
    long stale =
        batch.exponentialHistograms.stream()
            .filter(p -> TelemetryBatch.noRecordedValue(p.flags()))
            .count();
    assertThat(stale).as("the sample data has staleness markers").isPositive();
    ListRequest detail =
        new ListRequest(
            Optional.empty(),
            window,
            List.of(FieldFilter.eq("type", "ExponentialHistogram")),
            Optional.empty(),
            500,
            true);
    long read = store.listSeries(detail).items().stream().mapToLong(s -> s.points().size()).sum();
    assertThat(read).isEqualTo(batch.exponentialHistograms.size() - stale);
  }

  @Test
  void sameSeedGivesSameData() {
    Instant s = Instant.parse("2026-11-25T10:00:00Z");
    TelemetryBatch a =
        new SampleTelemetryGenerator(3, s, Duration.ofSeconds(15), 1)
            .generate(s, s.plusSeconds(60));
    TelemetryBatch b =
        new SampleTelemetryGenerator(3, s, Duration.ofSeconds(15), 1)
            .generate(s, s.plusSeconds(60));
    assertThat(a.spans).isEqualTo(b.spans);
    assertThat(a.sums).isEqualTo(b.sums);
    assertThat(a.logs).isEqualTo(b.logs);
    assertThat(a.exponentialHistograms).isEqualTo(b.exponentialHistograms);
    assertThat(a.summaries).isEqualTo(b.summaries);
  }

  @Test
  void coversEveryNamespaceSignalAndMetricKind() {
    List<MetricSeries> series = store.listSeries(req(null)).items();
    assertThat(series.stream().map(MetricSeries::namespace).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("shop", "payments", "platform");
    assertThat(series.stream().map(MetricSeries::type).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(MetricType.values());
    assertThat(series)
        .filteredOn(s -> s.metricName().equals("http.server.requests"))
        .allSatisfy(
            s -> {
              assertThat(s.monotonic()).isTrue();
              assertThat(s.attributes())
                  .containsKeys("http.route", "http.method", "http.status_code");
            });
    assertThat(series)
        .filteredOn(s -> s.type() == MetricType.HISTOGRAM)
        .allSatisfy(s -> assertThat(s.stats().p50()).isNotNull().isPositive());

    assertThat(series)
        .filteredOn(s -> s.type() == MetricType.EXPONENTIAL_HISTOGRAM)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.metricName()).isEqualTo(SampleObservations.CLIENT_DURATION);
              assertThat(s.attributes()).containsKey("rpc.service");
              assertThat(s.stats().p50()).isNotNull().isBetween(s.stats().min(), s.stats().max());
            });
    assertThat(series)
        .filteredOn(s -> s.type() == MetricType.SUMMARY)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.metricName()).isEqualTo(SampleObservations.GC_PAUSE);
              assertThat(s.stats().p99()).isNotNull().isBetween(s.stats().p50(), s.stats().max());
            });

    List<TraceSummary> traces = store.listTraces(req("shop")).items();
    assertThat(traces).isNotEmpty();
    assertThat(traces).allSatisfy(t -> assertThat(t.spanCount()).isBetween(3, 30));
    assertThat(batch.spans.stream().filter(s -> s.statusCode().equals("Error")).count())
        .isPositive();
    TraceSummary withError =
        traces.stream().filter(t -> t.errorCount() > 0).findFirst().orElseThrow();
    TraceDetail detail = store.getTrace("shop", withError.traceId(), window).orElseThrow();
    assertThat(detail.roots()).hasSize(1);

    List<LogEntry> logs = store.listLogs(req("payments")).items();
    assertThat(logs).isNotEmpty();
    assertThat(logs).allSatisfy(l -> assertThat(l.traceId()).hasSize(32));
    assertThat(
            store.listLogs(req(null)).items().stream()
                .map(LogEntry::severityText)
                .collect(Collectors.toSet()))
        .contains("INFO", "ERROR");
  }
}
