package io.kubetel.store.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a database's telemetry tables really look like (read from {@code system.columns}), so SQL
 * follows the exporter generation that created them instead of assuming one: the exporter never
 * migrates its tables, and its DDL changed (metric times {@code DateTime64(9)} then {@code
 * DateTime}; logs with, then without, {@code TimestampTime}; {@code Map} or JSON attributes).
 * {@link #NONE} (nothing discovered) means kubetel's own MODERN DDL.
 *
 * @param tables table name to its columns by name
 */
public record TableShapes(Map<String, Map<String, Column>> tables) {
  /** Nothing discovered: SQL assumes the tables kubetel itself creates. */
  public static final TableShapes NONE = new TableShapes(Map.of());

  /** Logs table name (the exporter's default). */
  static final String LOGS = "otel_logs";

  /** Prefix of the newest logs table's materialized resource-attribute columns. */
  public static final String MATERIALIZED_PREFIX = "__otel_materialized_";

  /** Attribute columns, whose type decides how keys are read. */
  private static final List<String> ATTRIBUTE_COLUMNS =
      List.of(
          "ResourceAttributes", "ScopeAttributes", "Attributes", "SpanAttributes", "LogAttributes");

  /**
   * One column.
   *
   * @param type the ClickHouse type as {@code system.columns} prints it
   * @param defaultKind {@code MATERIALIZED}, {@code DEFAULT}, {@code ALIAS} or empty
   */
  public record Column(String type, String defaultKind) {}

  public TableShapes {
    Map<String, Map<String, Column>> copy = new TreeMap<>();
    tables.forEach((t, cols) -> copy.put(t, Map.copyOf(cols)));
    tables = Map.copyOf(copy);
  }

  /** The type of {@code table.column}, if both were discovered. */
  public Optional<String> type(String table, String column) {
    return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(column)).map(Column::type);
  }

  /**
   * Whether {@code column} is a second-precision {@code DateTime} in the tables that have it (the
   * current exporter's metric {@code TimeUnix}); false when it is {@code DateTime64} or unknown.
   */
  public boolean isSeconds(String column) {
    return tables.values().stream()
        .map(cols -> cols.get(column))
        .filter(c -> c != null)
        .anyMatch(c -> c.type().startsWith("DateTime") && !c.type().startsWith("DateTime64"));
  }

  /**
   * Whether logs carry the older generations' second-precision {@code TimestampTime} key column:
   * true when nothing was discovered (kubetel's own DDL has it), false for the newest exporter's
   * table.
   */
  public boolean logsHaveTimestampTime() {
    Map<String, Column> logs = tables.get(LOGS);
    return logs == null || logs.containsKey("TimestampTime");
  }

  /** The materialized {@code __otel_materialized_*} columns of a table, sorted. */
  public List<String> materializedColumns(String table) {
    return tables.getOrDefault(table, Map.of()).entrySet().stream()
        .filter(e -> e.getKey().startsWith(MATERIALIZED_PREFIX))
        .filter(e -> "MATERIALIZED".equals(e.getValue().defaultKind()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /**
   * Fails, naming every table and column, when an attribute column is not a {@code Map} (the
   * exporter's JSON-typed tables): kubetel reads attributes as maps only.
   *
   * @throws UnsupportedTableException when some attribute column has another type
   */
  public TableShapes requireReadable() {
    List<String> problems = new ArrayList<>();
    new TreeMap<>(tables)
        .forEach(
            (table, cols) -> {
              for (String name : ATTRIBUTE_COLUMNS) {
                Column c = cols.get(name);
                if (c != null && !c.type().startsWith("Map(")) {
                  problems.add(table + "." + name + " is " + c.type());
                }
              }
            });
    if (!problems.isEmpty()) {
      throw new UnsupportedTableException(
          "kubetel reads attribute columns of type Map only (the exporter's default tables), but "
              + String.join(", ", problems)
              + ": JSON-typed exporter tables are not supported yet");
    }
    return this;
  }
}
