package io.kubetel.store.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.anomalies.Anomaly;
import io.kubetel.model.anomalies.SeriesState;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The anomaly scan's tables in kubetel's own database, on the local ClickHouse (18.16 and 26.7):
 * what is saved is read back field for field, the newest save of an anomaly or a series' state
 * wins, lists page in (namespace, name) order with pushed-down filters, values that look like SQL
 * stay values, and a database dropped by hand comes back at the next call after the failed one.
 */
class ClickHouseAnomalyStoreIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("anomstore");

  static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  String systemDb;
  ClickHouseAnomalyStore store;

  @BeforeEach
  void store() {
    systemDb = ch.database() + "_sys";
    store = new ClickHouseAnomalyStore(ch.gateway(), systemDb, Clock.systemUTC());
  }

  @AfterEach
  void dropSystemDatabase() {
    ch.gateway().execute("DROP DATABASE IF EXISTS " + systemDb);
  }

  static Anomaly anomaly(String namespace, String series, String service, boolean resolved) {
    Instant start = T0.plusSeconds(60);
    return new Anomaly(
        Anomaly.nameOf(series, start),
        namespace,
        series,
        "http.server.duration",
        service,
        Map.of("route", "/pay", "pod", "p'1"),
        start,
        start.plusSeconds(resolved ? 300 : 120),
        0.75,
        10.0,
        20.0,
        42.5,
        "seasonal",
        resolved);
  }

  @Test
  void anomaliesRoundTripAndTheNewestSaveWins() {
    Anomaly open = anomaly("shop", "s1", "checkout", false);
    Anomaly hostile = anomaly("shop", "s2", "x'); DROP DATABASE " + systemDb + "; --\\", false);
    store.saveAnomalies(List.of(open, hostile));
    assertThat(store.openAnomalies()).containsExactly(open, hostile);
    assertThat(store.getAnomaly("shop", open.name())).contains(open);

    Anomaly resolved = anomaly("shop", "s1", "checkout", true);
    store.saveAnomalies(List.of(resolved));
    assertThat(store.getAnomaly("shop", open.name())).contains(resolved);
    assertThat(store.openAnomalies()).containsExactly(hostile);
    assertThat(store.getAnomaly("other", open.name())).isEmpty();
  }

  @Test
  void rangesOfADetectorStillLearningAreStoredAsZero() {
    Anomaly a = anomaly("shop", "s1", "checkout", false);
    Anomaly learning =
        new Anomaly(
            a.name(),
            a.namespace(),
            a.series(),
            a.metricName(),
            a.service(),
            a.labels(),
            a.start(),
            a.end(),
            a.grade(),
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            a.observed(),
            a.detector(),
            false);
    store.saveAnomalies(List.of(learning));
    Anomaly read = store.getAnomaly("shop", a.name()).orElseThrow();
    assertThat(read.expectedLow()).isZero();
    assertThat(read.expectedHigh()).isZero();
    assertThat(read.observed()).isEqualTo(42.5);
  }

  @Test
  void listsPageInNameOrderWithinTheWindowAndFilters() {
    store.saveAnomalies(
        List.of(
            anomaly("shop", "s3", "checkout", false),
            anomaly("shop", "s1", "checkout", false),
            anomaly("shop", "s2", "cart", false),
            anomaly("other", "s4", "checkout", false)));
    TimeWindow window = new TimeWindow(T0, T0.plusSeconds(3600));
    Page<Anomaly> first =
        store.listAnomalies(
            new ListRequest(Optional.of("shop"), window, List.of(), Optional.empty(), 2, false));
    assertThat(first.items()).extracting(Anomaly::series).containsExactly("s1", "s2");
    Page<Anomaly> second =
        store.listAnomalies(
            new ListRequest(Optional.of("shop"), window, List.of(), first.next(), 2, false));
    assertThat(second.items()).extracting(Anomaly::series).containsExactly("s3");
    assertThat(second.next()).isEmpty();

    Page<Anomaly> checkout =
        store.listAnomalies(
            new ListRequest(
                Optional.empty(),
                window,
                List.of(FieldFilter.eq("service", "checkout"), FieldFilter.eq("pod", "p'1")),
                Optional.empty(),
                10,
                false));
    assertThat(checkout.items())
        .extracting(Anomaly::namespace, Anomaly::series)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("other", "s4"),
            org.assertj.core.groups.Tuple.tuple("shop", "s1"),
            org.assertj.core.groups.Tuple.tuple("shop", "s3"));

    TimeWindow before = new TimeWindow(T0.minusSeconds(3600), T0);
    assertThat(
            store
                .listAnomalies(
                    new ListRequest(
                        Optional.empty(), before, List.of(), Optional.empty(), 10, false))
                .items())
        .isEmpty();
  }

  @Test
  void statesRoundTripAndTheNewestSavePerSeriesWins() {
    assertThat(store.loadStates()).isEmpty();
    store.saveStates(
        List.of(
            new SeriesState("a", "rcf", new byte[] {1, 2, 3}, T0),
            new SeriesState("b", "seasonal", new byte[0], T0)));
    store.saveStates(List.of(new SeriesState("a", "rcf", new byte[] {9}, T0.plusSeconds(60))));

    assertThat(store.loadStates())
        .extracting(SeriesState::seriesKey, s -> s.state().length, SeriesState::lastPoint)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("a", 1, T0.plusSeconds(60)),
            org.assertj.core.groups.Tuple.tuple("b", 0, T0));
    assertThat(store.loadStates())
        .filteredOn(s -> s.seriesKey().equals("a"))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).containsExactly(9));
  }

  @Test
  void aDatabaseDroppedByHandIsCreatedAgainAfterTheFailedCall() {
    Anomaly a = anomaly("shop", "s1", "checkout", false);
    store.saveAnomalies(List.of(a));
    ch.gateway().execute("DROP DATABASE " + systemDb);
    assertThatThrownBy(() -> store.openAnomalies()).isInstanceOf(RuntimeException.class);
    assertThat(store.openAnomalies()).as("fresh, empty tables").isEmpty();
    store.saveAnomalies(List.of(a));
    assertThat(store.openAnomalies()).containsExactly(a);
  }
}
