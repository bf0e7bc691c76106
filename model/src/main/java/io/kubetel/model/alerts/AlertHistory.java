package io.kubetel.model.alerts;

import java.util.List;

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

  /** Writes one notification-log row. */
  void record(String database, NotificationRecord notification);

  /** The newest row of every (rule, receiver), for resuming delivery after a restart. */
  List<NotificationRecord> latestNotifications(String database);
}
