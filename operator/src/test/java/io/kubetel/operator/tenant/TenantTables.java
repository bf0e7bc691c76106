package io.kubetel.operator.tenant;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tenant ITs read back from a tenant database to check the operator's work: row counts,
 * active partitions and the table's CREATE statement (where a TTL shows). Test SQL over names the
 * tests chose themselves.
 */
final class TenantTables {
  private TenantTables() {}

  static long rows(ClickHouseGateway gateway, String database, String table) {
    return gateway
        .select("SELECT count() AS c FROM " + database + "." + table + " FORMAT JSONEachRow")
        .get(0)
        .get("c")
        .asLong();
  }

  /** The row count of {@code database.table}, or empty when that table does not exist. */
  static Optional<Long> rowsOrMissing(ClickHouseGateway gateway, String database, String table) {
    boolean exists =
        !gateway
            .select(
                "SELECT name FROM system.tables WHERE database = '"
                    + database
                    + "' AND name = '"
                    + table
                    + "' FORMAT JSONEachRow")
            .isEmpty();
    return exists ? Optional.of(rows(gateway, database, table)) : Optional.empty();
  }

  static String createStatement(ClickHouseGateway gateway, String database, String table) {
    return gateway
        .select(
            "SELECT create_table_query AS q FROM system.tables WHERE database = '"
                + database
                + "' AND name = '"
                + table
                + "' FORMAT JSONEachRow")
        .get(0)
        .get("q")
        .asText();
  }

  /** Partitions holding rows: a TTL merge can leave an empty active part behind. */
  static Set<String> partitions(ClickHouseGateway gateway, String database, String table) {
    return gateway
        .select(
            "SELECT DISTINCT partition FROM system.parts WHERE active AND rows > 0 AND database = '"
                + database
                + "' AND table = '"
                + table
                + "' FORMAT JSONEachRow")
        .stream()
        .map(r -> r.get("partition").asText())
        .collect(Collectors.toSet());
  }
}
