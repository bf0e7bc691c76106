package io.kubetel.store.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.alerts.ConditionState;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.clickhouse.SystemTables;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link AlertHistory} in ClickHouse (tables of {@link AlertHistoryTables} and {@link
 * ConditionStateTable}, created through {@link SystemTables} on first use per database). Every
 * value goes through {@link SqlLiteral}; the database name through {@link Identifiers}.
 */
public final class ClickHouseAlertHistory implements AlertHistory {
  private static final String[] EVENT_COLUMNS = {
    "namespace",
    "rule",
    "fingerprint",
    "label_keys",
    "label_values",
    "from_state",
    "to_state",
    "value",
    "has_value",
    "severity",
    "summary",
    "event_micros",
    "version"
  };
  private static final String[] NOTIFICATION_COLUMNS = {
    "namespace",
    "rule",
    "receiver",
    "id",
    "kind",
    "fingerprints",
    "status",
    "detail",
    "recorded_micros",
    "version"
  };

  /** Filters pushed down: field key → column (equality only; the rest is matched in memory). */
  private static final Map<String, String> FILTER_COLUMNS =
      Map.of("rule", "rule", "state", "to_state", "severity", "severity");

  private final SystemTables tables;
  private final ConditionStateTable conditionStates;

  public ClickHouseAlertHistory(ClickHouseGateway gateway) {
    this.tables =
        new SystemTables(
            gateway,
            "alert_history",
            db ->
                Stream.concat(
                        AlertHistoryTables.ddl(db).stream(), Stream.of(ConditionStateTable.ddl(db)))
                    .toList());
    this.conditionStates = new ConditionStateTable(tables);
  }

  @Override
  public void saveConditionStates(String database, List<ConditionState> states) {
    conditionStates.save(database, states);
  }

  @Override
  public List<ConditionState> latestConditionStates(String database) {
    return conditionStates.latest(database);
  }

  @Override
  public void append(String database, List<AlertEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    tables.insert(
        database,
        AlertHistoryTables.EVENTS,
        withColumn(EVENT_COLUMNS, "event_time"),
        events.stream().map(ClickHouseAlertHistory::eventRow).toList());
  }

  private static String eventRow(AlertEvent e) {
    List<String> keys = new ArrayList<>(e.labels().keySet());
    keys.sort(null);
    List<String> values = keys.stream().map(e.labels()::get).toList();
    boolean hasValue = Double.isFinite(e.value());
    return SystemTables.tuple(
        SqlLiteral.string(e.namespace()),
        SqlLiteral.string(e.rule()),
        SqlLiteral.string(e.fingerprint()),
        SqlLiteral.stringArray(keys),
        SqlLiteral.stringArray(values),
        SqlLiteral.string(e.from().name()),
        SqlLiteral.string(e.to().name()),
        SqlLiteral.number(hasValue ? e.value() : 0.0),
        SqlLiteral.number(hasValue ? 1 : 0),
        SqlLiteral.string(e.severity()),
        SqlLiteral.string(e.summary()),
        SqlLiteral.number(micros(e.time())),
        SqlLiteral.number(e.version()),
        SqlLiteral.number(e.time().getEpochSecond()));
  }

  @Override
  public List<AlertEvent> latestPerSeries(String database) {
    return tables.newestPerKey(
        database,
        AlertHistoryTables.EVENTS,
        List.of(EVENT_COLUMNS),
        ClickHouseAlertHistory::event,
        e -> e.namespace() + "/" + e.rule() + "/" + e.fingerprint());
  }

  @Override
  public List<AlertEvent> list(String database, String namespace, int limit) {
    Select select =
        Select.select(EVENT_COLUMNS).from(Identifiers.table(database, AlertHistoryTables.EVENTS));
    if (namespace != null) {
      select.where("namespace = " + SqlLiteral.string(namespace));
    }
    return distinctVersions(database, select.orderBy("version DESC").limit(Math.max(1, limit)));
  }

  @Override
  public Page<AlertEvent> page(String database, ListRequest request) {
    List<String> where = new ArrayList<>();
    request.namespace().ifPresent(ns -> where.add("namespace = " + SqlLiteral.string(ns)));
    where.add("event_micros >= " + SqlLiteral.number(micros(request.window().start())));
    where.add("event_micros < " + SqlLiteral.number(micros(request.window().end())));
    request
        .after()
        .ifPresent(
            c -> where.add("version < " + SqlLiteral.number(Long.parseLong(c.parts().get(0)))));
    for (FieldFilter f : request.filters()) {
      String column = FILTER_COLUMNS.get(f.key());
      if (column != null && f.operator() == FilterOperator.EQUALS && f.values().size() == 1) {
        where.add(column + " = " + SqlLiteral.string(f.values().get(0)));
      }
    }
    Select select =
        Select.select(EVENT_COLUMNS)
            .from(Identifiers.table(database, AlertHistoryTables.EVENTS))
            .where(where)
            .orderBy("version DESC")
            .limit(request.limit() + 1);
    List<AlertEvent> out = distinctVersions(database, select);
    if (out.size() <= request.limit()) {
      return Page.last(out);
    }
    List<AlertEvent> page = out.subList(0, request.limit());
    String next = Long.toString(page.get(page.size() - 1).version());
    return new Page<>(page, Optional.of(new Cursor(List.of(next))));
  }

  /** The events {@code select} reads (newest version first), unmerged repeats of an insert once. */
  private List<AlertEvent> distinctVersions(String database, Select select) {
    String sql = select.toSql();
    List<AlertEvent> out = new ArrayList<>();
    long lastVersion = -1;
    for (JsonNode row : tables.select(database, sql)) {
      AlertEvent e = event(row);
      if (e.version() != lastVersion) {
        out.add(e);
      }
      lastVersion = e.version();
    }
    return out;
  }

  @Override
  public Optional<AlertEvent> find(String database, String namespace, String name) {
    long version = AlertEvent.versionOf(name);
    if (version < 0) {
      return Optional.empty();
    }
    String sql =
        Select.select(EVENT_COLUMNS)
            .from(Identifiers.table(database, AlertHistoryTables.EVENTS))
            .where(
                List.of(
                    "namespace = " + SqlLiteral.string(namespace),
                    "version = " + SqlLiteral.number(version)))
            .limit(1)
            .toSql();
    return tables.select(database, sql).stream()
        .map(ClickHouseAlertHistory::event)
        .filter(e -> e.name().equals(name))
        .findFirst();
  }

  private static AlertEvent event(JsonNode r) {
    return new AlertEvent(
        Rows.text(r, "namespace"),
        Rows.text(r, "rule"),
        Rows.text(r, "fingerprint"),
        Rows.map(r.get("label_keys"), r.get("label_values")),
        AlertSeriesState.ofStored(Rows.text(r, "from_state")),
        AlertSeriesState.ofStored(Rows.text(r, "to_state")),
        Rows.longValue(r, "has_value") == 1 ? Rows.doubleValue(r, "value") : Double.NaN,
        Rows.text(r, "severity"),
        Rows.text(r, "summary"),
        instant(Rows.longValue(r, "event_micros")),
        Rows.longValue(r, "version"));
  }

  @Override
  public void record(String database, NotificationRecord n) {
    record(database, List.of(n));
  }

  @Override
  public void record(String database, List<NotificationRecord> notifications) {
    if (notifications.isEmpty()) {
      return;
    }
    tables.insert(
        database,
        AlertHistoryTables.NOTIFICATIONS,
        withColumn(NOTIFICATION_COLUMNS, "recorded_at"),
        notifications.stream().map(ClickHouseAlertHistory::notificationRow).toList());
  }

  private static String notificationRow(NotificationRecord n) {
    return SystemTables.tuple(
        SqlLiteral.string(n.namespace()),
        SqlLiteral.string(n.rule()),
        SqlLiteral.string(n.receiver()),
        SqlLiteral.string(n.id()),
        SqlLiteral.string(n.kind().name()),
        SqlLiteral.stringArray(n.fingerprints()),
        SqlLiteral.string(n.status().name()),
        SqlLiteral.string(n.detail()),
        SqlLiteral.number(micros(n.time())),
        SqlLiteral.number(n.version()),
        SqlLiteral.number(n.time().getEpochSecond()));
  }

  @Override
  public List<NotificationRecord> latestNotifications(String database) {
    return tables.newestPerKey(
        database,
        AlertHistoryTables.NOTIFICATIONS,
        List.of(NOTIFICATION_COLUMNS),
        ClickHouseAlertHistory::notification,
        n -> n.namespace() + "/" + n.rule() + "/" + n.receiver());
  }

  private static NotificationRecord notification(JsonNode r) {
    return new NotificationRecord(
        Rows.text(r, "namespace"),
        Rows.text(r, "rule"),
        Rows.text(r, "receiver"),
        Rows.text(r, "id"),
        NotificationRecord.Kind.valueOf(Rows.text(r, "kind")),
        Rows.strings(r.get("fingerprints")),
        NotificationRecord.Status.valueOf(Rows.text(r, "status")),
        Rows.text(r, "detail"),
        instant(Rows.longValue(r, "recorded_micros")),
        Rows.longValue(r, "version"));
  }

  private static List<String> withColumn(String[] columns, String extra) {
    return Stream.concat(Stream.of(columns), Stream.of(extra)).toList();
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
