package io.kubetel.alerting.testing;

import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AlertHistory} in memory, with the ClickHouse implementation's semantics (newest version
 * wins), and a switch that makes every write fail, for the store-outage tests.
 */
public final class InMemoryAlertHistory implements AlertHistory {
  public final List<AlertEvent> events = new ArrayList<>();
  public final List<NotificationRecord> notifications = new ArrayList<>();
  public final List<io.kubetel.model.alerts.ConditionState> conditionStates = new ArrayList<>();
  public volatile boolean failing;

  @Override
  public synchronized void append(String database, List<AlertEvent> add) {
    fail();
    events.addAll(add);
  }

  @Override
  public synchronized List<AlertEvent> latestPerSeries(String database) {
    Map<String, AlertEvent> newest = new LinkedHashMap<>();
    events.stream()
        .sorted(Comparator.comparingLong(AlertEvent::version).reversed())
        .forEach(
            e -> newest.putIfAbsent(e.namespace() + "/" + e.rule() + "/" + e.fingerprint(), e));
    return List.copyOf(newest.values());
  }

  @Override
  public synchronized List<AlertEvent> list(String database, String namespace, int limit) {
    return events.stream()
        .filter(e -> namespace == null || e.namespace().equals(namespace))
        .sorted(Comparator.comparingLong(AlertEvent::version).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Page<AlertEvent> page(String database, ListRequest request) {
    return Page.last(
        events.stream()
            .filter(e -> request.namespace().map(e.namespace()::equals).orElse(true))
            .sorted(Comparator.comparingLong(AlertEvent::version).reversed())
            .limit(request.limit())
            .toList());
  }

  @Override
  public synchronized Optional<AlertEvent> find(String database, String namespace, String name) {
    return events.stream()
        .filter(e -> e.namespace().equals(namespace) && e.name().equals(name))
        .findFirst();
  }

  @Override
  public synchronized void record(String database, NotificationRecord n) {
    fail();
    notifications.add(n);
  }

  @Override
  public synchronized List<NotificationRecord> latestNotifications(String database) {
    Map<String, NotificationRecord> newest = new LinkedHashMap<>();
    notifications.stream()
        .sorted(Comparator.comparingLong(NotificationRecord::version).reversed())
        .forEach(n -> newest.putIfAbsent(n.namespace() + "/" + n.rule() + "/" + n.receiver(), n));
    return List.copyOf(newest.values());
  }

  @Override
  public synchronized void saveConditionStates(
      String database, List<io.kubetel.model.alerts.ConditionState> states) {
    fail();
    conditionStates.addAll(states);
  }

  @Override
  public synchronized List<io.kubetel.model.alerts.ConditionState> latestConditionStates(
      String database) {
    fail();
    java.util.Map<String, io.kubetel.model.alerts.ConditionState> newest =
        new java.util.LinkedHashMap<>();
    conditionStates.forEach(
        c ->
            newest.merge(
                c.namespace() + "/" + c.rule() + "/" + c.fingerprint(),
                c,
                (a, b) -> b.version() >= a.version() ? b : a));
    return List.copyOf(newest.values());
  }

  private void fail() {
    if (failing) {
      throw new IllegalStateException("storage unavailable (test)");
    }
  }
}
