package io.kubetel.model.alerts;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.List;
import java.util.Optional;

/**
 * Alert events and the notification log in kubetel's own database. Every method takes the database
 * name, so the caller (operator: {@code --system-database}; API server: its tenant routing) decides
 * where the history lives.
 */
public interface AlertHistory {

  /** Appends transitions (idempotent for equal versions once merged; readers tolerate repeats). */
  void append(String database, List<AlertEvent> events);

  /**
   * The newest event of every series that ever changed state, for restoring the state machine after
   * a restart or a leader change.
   */
  List<AlertEvent> latestPerSeries(String database);

  /**
   * Events, newest first, optionally in one namespace ({@code null} for all), at most {@code
   * limit}.
   */
  List<AlertEvent> list(String database, String namespace, int limit);

  /** One page of events, newest first (see {@link AlertEventReader#listAlertEvents}). */
  Page<AlertEvent> page(String database, ListRequest request);

  /** One event by namespace and object name. */
  Optional<AlertEvent> find(String database, String namespace, String name);

  /** The events of {@code database} as a reader, for the {@code alertevents} resource. */
  default AlertEventReader reader(String database) {
    AlertHistory history = this;
    return new AlertEventReader() {
      @Override
      public Page<AlertEvent> listAlertEvents(ListRequest request) {
        return history.page(database, request);
      }

      @Override
      public Optional<AlertEvent> getAlertEvent(String namespace, String name) {
        return history.find(database, namespace, name);
      }
    };
  }

  /** Writes one notification-log row. */
  void record(String database, NotificationRecord notification);

  /** Writes several notification-log rows at once (one insert where the storage can). */
  default void record(String database, List<NotificationRecord> notifications) {
    notifications.forEach(n -> record(database, n));
  }

  /** The newest row of every (rule, receiver), for resuming delivery after a restart. */
  List<NotificationRecord> latestNotifications(String database);

  /**
   * Saves the state of stateful conditions (the Anomaly condition's detectors), one row per series.
   * Storage without support keeps nothing, and the conditions warm up again after a restart.
   */
  default void saveConditionStates(String database, List<ConditionState> states) {}

  /** The newest saved condition state of every series ({@link #saveConditionStates}). */
  default List<ConditionState> latestConditionStates(String database) {
    return List.of();
  }
}
