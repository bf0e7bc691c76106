package io.kubetel.store.clickhouse;

import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.Identifiers;

/**
 * What every per-signal reader needs: the gateway, the layout's dialect (which carries the tables
 * discovered in the database) and the database.
 */
public record ReadContext(ClickHouseGateway gateway, Dialect dialect, String database) {
  public ReadContext {
    Identifiers.database(database);
  }

  /**
   * {@code database.table} for a table role ({@link io.kubetel.store.layout.Tables}), under its
   * physical name.
   *
   * @throws StoreSchemaException naming the table when discovery found no such table
   */
  public String table(String role) {
    TableShapes shapes = dialect.shapes();
    if (!shapes.has(role)) {
      throw new StoreSchemaException(
          StoreSchemaException.Problem.MISSING_TABLE,
          "telemetry table "
              + database
              + "."
              + shapes.name(role)
              + " does not exist: the OpenTelemetry exporter creates it when its pipeline for"
              + " this signal first starts, or it has another name (map it with the table-names"
              + " setting)");
    }
    return Identifiers.table(database, shapes.name(role));
  }

  /**
   * The roles among {@code roles} whose tables exist, in order: a signal spread over several tables
   * (metrics) is read from those there are.
   *
   * @throws StoreSchemaException naming the first table when none exists
   */
  public java.util.List<String> present(java.util.List<String> roles) {
    java.util.List<String> there = roles.stream().filter(this::has).toList();
    if (there.isEmpty() && !roles.isEmpty()) {
      table(roles.get(0));
    }
    return there;
  }

  /** Whether the role's table exists (true when the database's tables were not discovered). */
  public boolean has(String role) {
    return dialect.shapes().has(role);
  }
}
