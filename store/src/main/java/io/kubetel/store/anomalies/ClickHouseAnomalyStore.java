package io.kubetel.store.anomalies;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.anomalies.Anomaly;
import io.kubetel.model.anomalies.AnomalyStore;
import io.kubetel.model.anomalies.SeriesState;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anomaly scan's state and findings in kubetel's own database ({@link AnomalyTables}). Every
 * value reaches SQL through {@link SqlLiteral}; the tables are created on first use and again after
 * a failure (the database may have been dropped by hand).
 */
public final class ClickHouseAnomalyStore implements AnomalyStore {
  private static final Logger log = LoggerFactory.getLogger(ClickHouseAnomalyStore.class);
  private static final String COLUMNS =
      "namespace, name, series, metric, service, label_keys, label_values, start_millis,"
          + " end_millis, grade, expected_low, expected_high, observed, detector, resolved, version";

  private final ClickHouseGateway gateway;
  private final String systemDatabase;
  private final Clock clock;
  private final AtomicLong lastVersion = new AtomicLong();
  private volatile boolean tablesEnsured;

  /**
   * @param gateway the connection (its telemetry database is not used)
   * @param systemDatabase kubetel's own database, created on first use
   */
  public ClickHouseAnomalyStore(ClickHouseGateway gateway, String systemDatabase, Clock clock) {
    this.gateway = gateway;
    this.systemDatabase = Identifiers.database(systemDatabase);
    this.clock = clock;
  }

  /** Creates kubetel's database and the tables once per process (idempotent). */
  public void ensureTables() {
    if (tablesEnsured) {
      return;
    }
    AnomalyTables.ddl(systemDatabase).forEach(gateway::execute);
    tablesEnsured = true;
    log.info("event=anomaly_tables_ensured database={}", systemDatabase);
  }

  @Override
  public List<SeriesState> loadStates() {
    ensureTables();
    String sql =
        Select.select("series_key", "detector", "state", "last_point_millis")
            .from(table(AnomalyTables.STATE) + " FINAL")
            .toSql();
    List<SeriesState> states = new ArrayList<>();
    for (JsonNode r : guarded(() -> gateway.select(sql))) {
      states.add(
          new SeriesState(
              Rows.text(r, "series_key"),
              Rows.text(r, "detector"),
              Base64.getDecoder().decode(Rows.text(r, "state")),
              Instant.ofEpochMilli(Rows.longValue(r, "last_point_millis"))));
    }
    return states;
  }

  @Override
  public void saveStates(Collection<SeriesState> states) {
    if (states.isEmpty()) {
      return;
    }
    ensureTables();
    List<String> rows = new ArrayList<>();
    for (SeriesState s : states) {
      rows.add(
          tuple(
              SqlLiteral.string(s.seriesKey()),
              SqlLiteral.string(s.detector()),
              SqlLiteral.string(Base64.getEncoder().encodeToString(s.state())),
              SqlLiteral.number(s.lastPoint().toEpochMilli()),
              SqlLiteral.number(nextVersion())));
    }
    insert(AnomalyTables.STATE, "series_key, detector, state, last_point_millis, version", rows);
  }

  @Override
  public void saveAnomalies(Collection<Anomaly> anomalies) {
    if (anomalies.isEmpty()) {
      return;
    }
    ensureTables();
    List<String> rows = new ArrayList<>();
    for (Anomaly a : anomalies) {
      Map<String, String> labels = new TreeMap<>(a.labels());
      rows.add(
          tuple(
              SqlLiteral.string(a.namespace()),
              SqlLiteral.string(a.name()),
              SqlLiteral.string(a.series()),
              SqlLiteral.string(a.metricName()),
              SqlLiteral.string(a.service()),
              SqlLiteral.stringArray(labels.keySet()),
              SqlLiteral.stringArray(labels.values()),
              SqlLiteral.number(a.start().toEpochMilli()),
              SqlLiteral.number(a.end().toEpochMilli()),
              finite(a.grade()),
              finite(a.expectedLow()),
              finite(a.expectedHigh()),
              finite(a.observed()),
              SqlLiteral.string(a.detector()),
              SqlLiteral.number(a.resolved() ? 1 : 0),
              SqlLiteral.number(nextVersion())));
    }
    insert(AnomalyTables.ANOMALIES, COLUMNS, rows);
  }

  @Override
  public List<Anomaly> openAnomalies() {
    return read(anomalies().where("resolved = 0").orderBy("namespace", "name"));
  }

  @Override
  public Page<Anomaly> listAnomalies(ListRequest request) {
    Select select =
        anomalies()
            .where("start_millis <= " + SqlLiteral.number(request.window().end().toEpochMilli()))
            .where("end_millis >= " + SqlLiteral.number(request.window().start().toEpochMilli()))
            .where(AnomalyFilters.conditions(request.filters()));
    request.namespace().ifPresent(ns -> select.where("namespace = " + SqlLiteral.string(ns)));
    request
        .after()
        .ifPresent(
            c -> {
              String ns = SqlLiteral.string(c.parts().get(0));
              String name = SqlLiteral.string(c.parts().get(1));
              select.where(
                  "(namespace > " + ns + " OR (namespace = " + ns + " AND name > " + name + "))");
            });
    List<Anomaly> items = read(select.orderBy("namespace", "name").limit(request.limit() + 1));
    if (items.size() <= request.limit()) {
      return Page.last(items);
    }
    List<Anomaly> page = items.subList(0, request.limit());
    Anomaly last = page.get(page.size() - 1);
    return new Page<>(page, Optional.of(new Cursor(List.of(last.namespace(), last.name()))));
  }

  @Override
  public Optional<Anomaly> getAnomaly(String namespace, String name) {
    return read(
            anomalies()
                .where("namespace = " + SqlLiteral.string(namespace))
                .where("name = " + SqlLiteral.string(name))
                .limit(1))
        .stream()
        .findFirst();
  }

  private Select anomalies() {
    return Select.select(
            "namespace",
            "name",
            "series",
            "metric",
            "service",
            "label_keys",
            "label_values",
            "start_millis",
            "end_millis",
            "grade",
            "expected_low",
            "expected_high",
            "observed",
            "detector",
            "resolved")
        .from(table(AnomalyTables.ANOMALIES) + " FINAL");
  }

  private List<Anomaly> read(Select select) {
    ensureTables();
    String sql = select.toSql();
    List<Anomaly> out = new ArrayList<>();
    for (JsonNode r : guarded(() -> gateway.select(sql))) {
      out.add(
          new Anomaly(
              Rows.text(r, "name"),
              Rows.text(r, "namespace"),
              Rows.text(r, "series"),
              Rows.text(r, "metric"),
              Rows.text(r, "service"),
              Rows.map(r.path("label_keys"), r.path("label_values")),
              Instant.ofEpochMilli(Rows.longValue(r, "start_millis")),
              Instant.ofEpochMilli(Rows.longValue(r, "end_millis")),
              Rows.doubleValue(r, "grade"),
              Rows.doubleValue(r, "expected_low"),
              Rows.doubleValue(r, "expected_high"),
              Rows.doubleValue(r, "observed"),
              Rows.text(r, "detector"),
              Rows.longValue(r, "resolved") == 1));
    }
    return out;
  }

  private void insert(String table, String columns, List<String> rows) {
    String statement =
        "INSERT INTO " + table(table) + " (" + columns + ") VALUES " + String.join(", ", rows);
    guarded(
        () -> {
          gateway.execute(statement);
          return null;
        });
  }

  private String table(String name) {
    return Identifiers.table(systemDatabase, name);
  }

  private static String tuple(String... literals) {
    return "(" + String.join(", ", literals) + ")";
  }

  /** Infinite or NaN ranges (a detector still learning) are stored as 0. */
  private static String finite(double v) {
    return SqlLiteral.number(Double.isFinite(v) ? v : 0.0);
  }

  private <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      tablesEnsured = false;
      throw e;
    }
  }

  /** Microseconds since the epoch, strictly increasing within this process. */
  private long nextVersion() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return lastVersion.updateAndGet(last -> Math.max(last + 1, micros));
  }
}
