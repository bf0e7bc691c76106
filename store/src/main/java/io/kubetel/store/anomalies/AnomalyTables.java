package io.kubetel.store.anomalies;

import io.kubetel.store.sql.Identifiers;
import java.util.List;

/**
 * The anomaly scan's two tables in kubetel's own database: {@value #STATE} (one row per series and
 * save, the newest version winning) and {@value #ANOMALIES} (one row per anomaly and update). Only
 * types ClickHouse 18.16 has ({@code ReplacingMergeTree} of plain types and arrays, no Map,
 * DateTime64 or TTL), so one DDL serves every supported server; reads take the newest row with
 * {@code FINAL} and do not depend on merges having happened.
 */
public final class AnomalyTables {
  /** Per-series detector state. */
  public static final String STATE = "anomaly_state";

  /** Detected anomalies. */
  public static final String ANOMALIES = "anomalies";

  private AnomalyTables() {}

  /** The statements creating both tables (idempotent; the database exists). */
  public static List<String> ddl(String systemDatabase) {
    String db = Identifiers.database(systemDatabase);
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(db, STATE)
            + " (series_key String, detector String, state String, last_point_millis Int64,"
            + " version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY series_key",
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(db, ANOMALIES)
            + " (namespace String, name String, series String, metric String, service String,"
            + " label_keys Array(String), label_values Array(String),"
            + " start_millis Int64, end_millis Int64, grade Float64, expected_low Float64,"
            + " expected_high Float64, observed Float64, detector String, resolved UInt8,"
            + " version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY (namespace, name)");
  }
}
