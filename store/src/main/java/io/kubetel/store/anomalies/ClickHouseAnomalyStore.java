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
import io.kubetel.store.clickhouse.SystemTables;
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

/**
 * The anomaly scan's state and findings in kubetel's own database ({@link AnomalyTables}, created
 * through {@link SystemTables}). Every value reaches SQL through {@link SqlLiteral}.
 */
public final class ClickHouseAnomalyStore implements AnomalyStore {
  /** The columns of an anomaly read back (all but the version). */
  private static final List<String> ANOMALY_COLUMNS =
      List.of(
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
          "resolved");

  private static final List<String> STATE_COLUMNS =
      List.of("series_key", "detector", "state", "last_point_millis");

  private final SystemTables tables;
  private final String systemDatabase;
  private final Clock clock;

  /**
   * @param gateway the connection (its telemetry database is not used)
   * @param systemDatabase kubetel's own database, created on first use
   */
  public ClickHouseAnomalyStore(ClickHouseGateway gateway, String systemDatabase, Clock clock) {
    this.tables = new SystemTables(gateway, "anomalies", AnomalyTables::ddl);
    this.systemDatabase = Identifiers.database(systemDatabase);
    this.clock = clock;
  }

  @Override
  public List<SeriesState> loadStates() {
    String sql =
        Select.select(STATE_COLUMNS.toArray(String[]::new))
            .from(table(AnomalyTables.STATE) + " FINAL")
            .toSql();
    List<SeriesState> states = new ArrayList<>();
    for (JsonNode r : tables.select(systemDatabase, sql)) {
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
    List<String> rows = new ArrayList<>();
    for (SeriesState s : states) {
      rows.add(
          SystemTables.tuple(
              SqlLiteral.string(s.seriesKey()),
              SqlLiteral.string(s.detector()),
              SqlLiteral.string(Base64.getEncoder().encodeToString(s.state())),
              SqlLiteral.number(s.lastPoint().toEpochMilli()),
              SqlLiteral.number(nextVersion())));
    }
    tables.insert(systemDatabase, AnomalyTables.STATE, withVersion(STATE_COLUMNS), rows);
  }

  @Override
  public void saveAnomalies(Collection<Anomaly> anomalies) {
    if (anomalies.isEmpty()) {
      return;
    }
    List<String> rows = new ArrayList<>();
    for (Anomaly a : anomalies) {
      Map<String, String> labels = new TreeMap<>(a.labels());
      rows.add(
          SystemTables.tuple(
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
    tables.insert(systemDatabase, AnomalyTables.ANOMALIES, withVersion(ANOMALY_COLUMNS), rows);
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
    return Select.select(ANOMALY_COLUMNS.toArray(String[]::new))
        .from(table(AnomalyTables.ANOMALIES) + " FINAL");
  }

  private List<Anomaly> read(Select select) {
    List<Anomaly> out = new ArrayList<>();
    for (JsonNode r : tables.select(systemDatabase, select.toSql())) {
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

  private String table(String name) {
    return Identifiers.table(systemDatabase, name);
  }

  private static List<String> withVersion(List<String> columns) {
    List<String> out = new ArrayList<>(columns);
    out.add("version");
    return out;
  }

  /** Infinite or NaN ranges (a detector still learning) are stored as 0. */
  private static String finite(double v) {
    return SqlLiteral.number(Double.isFinite(v) ? v : 0.0);
  }

  private long nextVersion() {
    return tables.nextVersion(clock.instant());
  }
}
