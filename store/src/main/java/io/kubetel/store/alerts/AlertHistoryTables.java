package io.kubetel.store.alerts;

import io.kubetel.store.sql.Identifiers;
import java.util.List;

/**
 * The DDL of the alert history in kubetel's own database: {@value #EVENTS} (every transition) and
 * {@value #NOTIFICATIONS} (the notification log). Plain types only (arrays of strings instead of a
 * Map, DateTime instead of DateTime64, no TTL), so the same statements run on ClickHouse 18.16
 * (COMPAT) and 26.7 (MODERN); readers pick the newest row themselves and never rely on merges.
 */
public final class AlertHistoryTables {
  /** Every transition of every alert series. */
  public static final String EVENTS = "alert_events";

  /** One row per status change of a notification. */
  public static final String NOTIFICATIONS = "alert_notifications";

  private AlertHistoryTables() {}

  /** The idempotent statements creating both tables (the database exists). */
  public static List<String> ddl(String database) {
    String db = Identifiers.database(database);
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(db, EVENTS)
            + " (namespace String, rule String, fingerprint String,"
            + " label_keys Array(String), label_values Array(String),"
            + " from_state String, to_state String, value Float64, has_value UInt8,"
            + " severity String, summary String, event_time DateTime, event_micros UInt64,"
            + " version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY (namespace, rule, fingerprint,"
            + " version)",
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(db, NOTIFICATIONS)
            + " (namespace String, rule String, receiver String, id String, kind String,"
            + " fingerprints Array(String), status String, detail String, recorded_at DateTime,"
            + " recorded_micros UInt64, version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY (namespace, rule, receiver, id,"
            + " version)");
  }
}
