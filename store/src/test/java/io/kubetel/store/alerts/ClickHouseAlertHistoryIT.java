package io.kubetel.store.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.model.alerts.NotificationRecord.Kind;
import io.kubetel.model.alerts.NotificationRecord.Status;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert history in kubetel's own database on the local ClickHouse (18.16 and 26.7): events
 * round-trip with their labels and missing values, the newest event per series and the newest
 * notification per receiver win, values that look like SQL stay values, and a database dropped by
 * hand comes back.
 */
class ClickHouseAlertHistoryIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("alerthist");

  static final Instant T0 = Instant.parse("2026-11-30T12:00:00.123456Z");

  String db;
  ClickHouseAlertHistory history;

  @BeforeEach
  void history() {
    db = ch.database() + "_sys";
    history = new ClickHouseAlertHistory(ch.gateway());
  }

  @AfterEach
  void drop() {
    ch.gateway().execute("DROP DATABASE IF EXISTS " + db);
  }

  static AlertEvent event(
      String ns, String fp, AlertSeriesState from, AlertSeriesState to, double v, long version) {
    return new AlertEvent(
        ns,
        "errors",
        fp,
        fp.isEmpty() ? Map.of() : Map.of("http.route", "/pay'; DROP TABLE x", "service", fp),
        from,
        to,
        v,
        "critical",
        "rate is " + v,
        T0.plusSeconds(version),
        version);
  }

  @Test
  void eventsRoundTripAndTheNewestPerSeriesWins() {
    history.append(
        db,
        List.of(
            event("shop", "a1", AlertSeriesState.Inactive, AlertSeriesState.Pending, 6.5, 1),
            event("shop", "a1", AlertSeriesState.Pending, AlertSeriesState.Firing, 7.0, 2),
            event("shop", "", AlertSeriesState.Inactive, AlertSeriesState.Firing, Double.NaN, 3)));
    history.append(
        db,
        List.of(event("shop", "a1", AlertSeriesState.Firing, AlertSeriesState.Inactive, 1.0, 4)));
    history.append(
        db,
        List.of(event("other", "b", AlertSeriesState.Inactive, AlertSeriesState.Pending, 9, 5)));

    List<AlertEvent> latest = history.latestPerSeries(db);
    assertThat(latest)
        .extracting(e -> e.namespace() + "/" + e.fingerprint() + "=" + e.to())
        .containsExactlyInAnyOrder("shop/a1=Inactive", "shop/=Firing", "other/b=Pending");
    AlertEvent resolved =
        latest.stream().filter(e -> e.fingerprint().equals("a1")).findFirst().orElseThrow();
    assertThat(resolved.isResolve()).isTrue();
    assertThat(resolved.labels()).containsEntry("http.route", "/pay'; DROP TABLE x");
    assertThat(resolved.time()).isEqualTo(T0.plusSeconds(4));
    AlertEvent noData =
        latest.stream().filter(e -> e.fingerprint().isEmpty()).findFirst().orElseThrow();
    assertThat(noData.value()).isNaN();
    assertThat(noData.labels()).isEmpty();

    assertThat(history.list(db, "shop", 10))
        .extracting(AlertEvent::version)
        .containsExactly(4L, 3L, 2L, 1L);
    assertThat(history.list(db, null, 2)).extracting(AlertEvent::version).containsExactly(5L, 4L);
  }

  @Test
  void pagesAreNewestFirstInTheWindowAndAnEventIsFoundByName() {
    for (int v = 1; v <= 5; v++) {
      history.append(
          db,
          List.of(
              event(
                  v == 3 ? "other" : "shop",
                  "s" + v,
                  AlertSeriesState.Inactive,
                  AlertSeriesState.Firing,
                  v,
                  v)));
    }
    TimeWindow all = new TimeWindow(T0, T0.plusSeconds(60));
    Page<AlertEvent> first =
        history.page(
            db, new ListRequest(Optional.of("shop"), all, List.of(), Optional.empty(), 2, false));
    assertThat(first.items()).extracting(AlertEvent::version).containsExactly(5L, 4L);
    Page<AlertEvent> second =
        history.page(
            db, new ListRequest(Optional.of("shop"), all, List.of(), first.next(), 2, false));
    assertThat(second.items()).extracting(AlertEvent::version).containsExactly(2L, 1L);
    assertThat(second.next()).isEmpty();
    // The window is on the event time: [T0+2s, T0+4s) holds versions 2 and 3.
    TimeWindow narrow = new TimeWindow(T0.plusSeconds(2), T0.plusSeconds(4));
    assertThat(
            history
                .page(
                    db,
                    new ListRequest(
                        Optional.empty(), narrow, List.of(), Optional.empty(), 10, false))
                .items())
        .extracting(AlertEvent::version)
        .containsExactly(3L, 2L);
    assertThat(
            history
                .page(
                    db,
                    new ListRequest(
                        Optional.empty(),
                        all,
                        List.of(FieldFilter.eq("state", "Firing"), FieldFilter.eq("rule", "x")),
                        Optional.empty(),
                        10,
                        false))
                .items())
        .isEmpty();
    AlertEvent four = first.items().get(1);
    assertThat(history.find(db, "shop", four.name())).contains(four);
    assertThat(history.find(db, "other", four.name())).isEmpty();
    assertThat(history.find(db, "shop", "nonsense")).isEmpty();
  }

  @Test
  void theNewestNotificationPerReceiverWins() {
    NotificationRecord pending =
        new NotificationRecord(
            "shop",
            "errors",
            "slack",
            "shop/errors/slack/1",
            Kind.FIRING,
            List.of("a1", "b2"),
            Status.PENDING,
            "",
            T0,
            10);
    history.record(db, pending);
    history.record(db, pending.with(Status.SENT, "", T0.plusSeconds(1), 11));
    history.record(
        db,
        new NotificationRecord(
            "shop",
            "errors",
            "pager",
            "shop/errors/pager/1",
            Kind.RESOLVED,
            List.of(),
            Status.PENDING,
            "",
            T0,
            12));

    assertThat(history.latestNotifications(db))
        .extracting(n -> n.receiver() + ":" + n.status() + ":" + n.fingerprints())
        .containsExactlyInAnyOrder("slack:SENT:[a1, b2]", "pager:PENDING:[]");
  }

  @Test
  void aDatabaseDroppedByHandComesBack() {
    history.append(
        db, List.of(event("shop", "a", AlertSeriesState.Inactive, AlertSeriesState.Firing, 1, 1)));
    ch.gateway().execute("DROP DATABASE " + db);
    try {
      history.latestPerSeries(db);
    } catch (RuntimeException expected) {
      // the first call after the drop fails and forgets that the tables existed
    }
    assertThat(history.latestPerSeries(db)).isEmpty();
  }
}
