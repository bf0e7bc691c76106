package io.kubetel.store.layout;

import io.kubetel.model.store.StoreSchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a database's telemetry tables really look like (read from {@code system.columns}), by role
 * ({@link Tables}), so SQL follows the exporter generation that created them instead of assuming
 * one: the exporter never migrates its tables, and its DDL changed (metric times {@code
 * DateTime64(9)} then {@code DateTime}; logs with, then without, {@code TimestampTime}; {@code Map}
 * or JSON attributes). Shapes that were not discovered ({@link #assumed}) mean kubetel's own DDL,
 * which is the current exporter generation's, with every table present.
 *
 * @param names the physical names configured for the roles
 * @param tables role to its discovered table; empty when not discovered
 * @param discovered whether {@link #tables} was read from the server (then a role without a table
 *     is missing)
 */
public record TableShapes(TableNames names, Map<String, Table> tables, boolean discovered) {
  /** Nothing discovered, default names: SQL assumes the tables kubetel itself creates. */
  public static final TableShapes NONE = assumed(TableNames.DEFAULTS);

  /** Prefix of the newest logs table's materialized resource-attribute columns. */
  public static final String MATERIALIZED_PREFIX = "__otel_materialized_";

  /** Keys whose materialized column may be quoted with backquotes (no quote characters). */
  private static final java.util.regex.Pattern SAFE_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9_./-]{1,200}");

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

  /**
   * One discovered table.
   *
   * @param name its physical name
   * @param columns its columns by name
   */
  public record Table(String name, Map<String, Column> columns) {
    public Table {
      columns = Map.copyOf(columns);
    }
  }

  public TableShapes {
    tables = Map.copyOf(new TreeMap<>(tables));
  }

  /** Shapes not read from any server: every role present under {@code names}. */
  public static TableShapes assumed(TableNames names) {
    return new TableShapes(names, Map.of(), false);
  }

  /** Discovered shapes. */
  public static TableShapes discovered(TableNames names, Map<String, Table> tables) {
    return new TableShapes(names, tables, true);
  }

  /** Whether the role's table exists (always true when nothing was discovered). */
  public boolean has(String role) {
    return !discovered || tables.containsKey(role);
  }

  /** The physical name of a role: the discovered table's, else the configured one. */
  public String name(String role) {
    Table t = tables.get(role);
    return t != null ? t.name() : names.name(role);
  }

  /** The type of a role's column, if both were discovered. */
  public Optional<String> type(String role, String column) {
    return Optional.ofNullable(tables.get(role))
        .map(t -> t.columns().get(column))
        .map(Column::type);
  }

  /** The metric time columns, {@code DateTime} in the current generation. */
  private static final List<String> METRIC_TIMES = List.of("TimeUnix", "StartTimeUnix");

  /**
   * Whether {@code column} is a second-precision {@code DateTime} in the tables that have it (the
   * current exporter's metric {@code TimeUnix}); false when it is {@code DateTime64}. Not
   * discovered: as kubetel's own (current generation) DDL has it.
   */
  public boolean isSeconds(String column) {
    if (!discovered) {
      return METRIC_TIMES.contains(column);
    }
    return tables.values().stream()
        .map(t -> t.columns().get(column))
        .filter(c -> c != null)
        .anyMatch(c -> c.type().startsWith("DateTime") && !c.type().startsWith("DateTime64"));
  }

  /**
   * Whether logs carry the older generations' second-precision {@code TimestampTime} key column:
   * false for the newest exporter's table and when nothing was discovered (kubetel's own DDL is the
   * newest).
   */
  public boolean logsHaveTimestampTime() {
    return hasColumn(Tables.LOGS, "TimestampTime");
  }

  /** Whether a role's table has {@code column} (false when not discovered). */
  public boolean hasColumn(String role, String column) {
    Table t = tables.get(role);
    return t != null && t.columns().containsKey(column);
  }

  /**
   * The materialized column holding resource attribute {@code key} in a role's table (the newest
   * logs table's {@code __otel_materialized_k8s.namespace.name}, ...), if there is one.
   */
  public Optional<String> materialized(String role, String key) {
    Table t = tables.get(role);
    if (t == null || !SAFE_KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    Column c = t.columns().get(MATERIALIZED_PREFIX + key);
    return c != null && "MATERIALIZED".equals(c.defaultKind())
        ? Optional.of(MATERIALIZED_PREFIX + key)
        : Optional.empty();
  }

  /** The materialized {@code __otel_materialized_*} columns of a role's table, sorted. */
  public List<String> materializedColumns(String role) {
    Table t = tables.get(role);
    if (t == null) {
      return List.of();
    }
    return t.columns().entrySet().stream()
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
   * @throws StoreSchemaException when some attribute column has another type
   */
  public TableShapes requireReadable() {
    List<String> problems = new ArrayList<>();
    tables.forEach(
        (role, table) -> {
          for (String name : ATTRIBUTE_COLUMNS) {
            Column c = table.columns().get(name);
            if (c != null && !c.type().startsWith("Map(")) {
              problems.add(table.name() + "." + name + " is " + c.type());
            }
          }
        });
    if (!problems.isEmpty()) {
      throw new StoreSchemaException(
          StoreSchemaException.Problem.UNSUPPORTED_COLUMN,
          "kubetel reads attribute columns of type Map only (the exporter's default tables), but "
              + String.join(", ", problems)
              + ": JSON-typed exporter tables are not supported yet; point kubetel at tables"
              + " created without the exporter's JSON option");
    }
    return this;
  }
}
