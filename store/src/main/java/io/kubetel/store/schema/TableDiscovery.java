package io.kubetel.store.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code system.columns} for the telemetry tables of one database into {@link TableShapes}:
 * the exporter's tables keep the DDL of whichever exporter version created them, so SQL must follow
 * what is there. Only the configured table names (and kubetel's former exponential-histogram name)
 * are asked for.
 */
public final class TableDiscovery {
  private TableDiscovery() {}

  /**
   * The shapes of {@code database}'s telemetry tables under the gateway's table names, checked to
   * be readable.
   *
   * @throws io.kubetel.model.store.StoreSchemaException when a table cannot be read
   */
  public static TableShapes discover(ClickHouseGateway gateway, String database) {
    return describe(gateway, database).requireReadable();
  }

  /**
   * The shapes of {@code database}'s telemetry tables as they are (missing tables are absent),
   * readable or not: enough for what does not read them, such as retention and schema creation.
   */
  public static TableShapes describe(ClickHouseGateway gateway, String database) {
    TableNames names = gateway.settings().tables();
    Identifiers.database(database);
    Map<String, List<String>> candidates = candidates(names);
    TreeSet<String> physical = new TreeSet<>();
    candidates.values().forEach(physical::addAll);
    String sql =
        Select.select("table, name, type, default_kind")
            .from("system.columns")
            .where("database = " + SqlLiteral.string(database))
            .where(
                "table IN ("
                    + physical.stream().map(SqlLiteral::string).collect(Collectors.joining(", "))
                    + ")")
            .orderBy("table, name") // 18.16 has no position column
            .toSql();
    Map<String, Map<String, TableShapes.Column>> found = new HashMap<>();
    for (JsonNode row : gateway.select(sql)) {
      found
          .computeIfAbsent(Rows.text(row, "table"), t -> new LinkedHashMap<>())
          .put(
              Rows.text(row, "name"),
              new TableShapes.Column(Rows.text(row, "type"), Rows.text(row, "default_kind")));
    }
    if (found.isEmpty()) {
      checkAccess(gateway, database, physical.first());
    }
    Map<String, TableShapes.Table> tables = new HashMap<>();
    candidates.forEach(
        (role, names1) ->
            names1.stream()
                .filter(found::containsKey)
                .findFirst()
                .ifPresent(n -> tables.put(role, new TableShapes.Table(n, found.get(n)))));
    return TableShapes.discovered(names, tables);
  }

  /**
   * The physical names each role may have, preferred first: the configured name, and for the
   * exponential histograms kubetel's former name when the default is in use.
   */
  static Map<String, List<String>> candidates(TableNames names) {
    Map<String, List<String>> candidates = new LinkedHashMap<>();
    for (String role : new TreeSet<>(Tables.ALL)) {
      candidates.put(
          role,
          role.equals(Tables.EXP_HISTOGRAM) && names.isDefault(role)
              ? List.of(names.name(role), Tables.LEGACY_EXP_HISTOGRAM)
              : List.of(names.name(role)));
    }
    return candidates;
  }

  /**
   * ClickHouse 18.16 hides a database its user may not read from {@code system.columns} instead of
   * refusing: no tables would read as "missing tables". A read names the refusal (Code 291, a
   * {@link StoreAccessDeniedException}); any other failure (the table is simply absent) leaves the
   * missing tables to be reported as such.
   */
  private static void checkAccess(ClickHouseGateway gateway, String database, String table) {
    try {
      gateway.select(
          Select.select("1").from(Identifiers.table(database, table)).where("0").limit(1).toSql());
    } catch (StoreAccessDeniedException denied) {
      throw denied;
    } catch (RuntimeException absent) {
      // Not a refusal: the table does not exist (or another problem the reads will report).
    }
  }
}
