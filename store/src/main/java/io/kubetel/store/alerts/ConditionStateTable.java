package io.kubetel.store.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.alerts.ConditionState;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.clickhouse.SystemTables;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.SqlLiteral;
import java.util.Base64;
import java.util.List;

/**
 * The saved state of stateful AlertRule conditions in {@value #TABLE}: one row per save and series,
 * the bytes as base64 text (a plain String column, so the same DDL runs on ClickHouse 18.16 and
 * 26.7), the newest row per series chosen by the reader rather than by merges. Every value goes
 * through {@link SqlLiteral}; the database through {@link Identifiers}.
 */
final class ConditionStateTable {
  /** The table's name in kubetel's own database. */
  static final String TABLE = "alert_condition_state";

  /** Rows per INSERT: a forest state is up to about half a megabyte. */
  private static final int BATCH = 50;

  private static final List<String> COLUMNS =
      List.of("namespace", "rule", "fingerprint", "settings", "last_millis", "state", "version");

  private final SystemTables tables;

  ConditionStateTable(SystemTables tables) {
    this.tables = tables;
  }

  /** The idempotent DDL (the database exists already). */
  static String ddl(String db) {
    return "CREATE TABLE IF NOT EXISTS "
        + Identifiers.table(db, TABLE)
        + " (namespace String, rule String, fingerprint String, settings String,"
        + " last_millis Int64, state String, version UInt64)"
        + " ENGINE = ReplacingMergeTree(version) ORDER BY (namespace, rule, fingerprint)";
  }

  void save(String db, List<ConditionState> states) {
    for (int from = 0; from < states.size(); from += BATCH) {
      List<ConditionState> batch = states.subList(from, Math.min(states.size(), from + BATCH));
      tables.insert(db, TABLE, COLUMNS, batch.stream().map(ConditionStateTable::row).toList());
    }
  }

  private static String row(ConditionState s) {
    return SystemTables.tuple(
        SqlLiteral.string(s.namespace()),
        SqlLiteral.string(s.rule()),
        SqlLiteral.string(s.fingerprint()),
        SqlLiteral.string(s.settings()),
        SqlLiteral.number(s.lastMillis()),
        SqlLiteral.string(Base64.getEncoder().encodeToString(s.state())),
        SqlLiteral.number(s.version()));
  }

  List<ConditionState> latest(String db) {
    return tables.newestPerKey(
        db,
        TABLE,
        COLUMNS,
        ConditionStateTable::state,
        s -> s.namespace() + "/" + s.rule() + "/" + s.fingerprint());
  }

  private static ConditionState state(JsonNode r) {
    return new ConditionState(
        Rows.text(r, "namespace"),
        Rows.text(r, "rule"),
        Rows.text(r, "fingerprint"),
        Rows.text(r, "settings"),
        Rows.longValue(r, "last_millis"),
        Base64.getDecoder().decode(Rows.text(r, "state")),
        Rows.longValue(r, "version"));
  }
}
