package io.kubetel.store.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.sql.Tables;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code system.columns} for the telemetry tables of one database into {@link TableShapes}:
 * the exporter's tables keep the DDL of whichever exporter version created them, so SQL must follow
 * what is there. Only the allow-listed table names are asked for.
 */
public final class TableDiscovery {
  private TableDiscovery() {}

  /**
   * The shapes of {@code database}'s telemetry tables, checked to be readable.
   *
   * @throws io.kubetel.store.layout.UnsupportedTableException when a table cannot be read
   */
  public static TableShapes discover(ClickHouseGateway gateway, String database) {
    return describe(gateway, database).requireReadable();
  }

  /**
   * The shapes of {@code database}'s telemetry tables as they are (missing tables are absent),
   * readable or not: enough for what does not read them, such as retention.
   */
  public static TableShapes describe(ClickHouseGateway gateway, String database) {
    Identifiers.database(database);
    String names =
        Tables.KNOWN.stream().sorted().map(SqlLiteral::string).collect(Collectors.joining(", "));
    String sql =
        Select.select("table, name, type, default_kind")
            .from("system.columns")
            .where("database = " + SqlLiteral.string(database))
            .where("table IN (" + names + ")")
            .orderBy("table, position")
            .toSql();
    Map<String, Map<String, TableShapes.Column>> tables = new HashMap<>();
    for (JsonNode row : gateway.select(sql)) {
      tables
          .computeIfAbsent(Rows.text(row, "table"), t -> new HashMap<>())
          .put(
              Rows.text(row, "name"),
              new TableShapes.Column(Rows.text(row, "type"), Rows.text(row, "default_kind")));
    }
    return new TableShapes(tables);
  }
}
