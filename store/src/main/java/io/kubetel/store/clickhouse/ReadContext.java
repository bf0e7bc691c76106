package io.kubetel.store.clickhouse;

import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.Identifiers;

/** What every per-signal reader needs: the gateway, the layout's dialect and the database. */
public record ReadContext(ClickHouseGateway gateway, Dialect dialect, String database) {
  public ReadContext {
    Identifiers.database(database);
  }

  /** {@code database.table} for a known table. */
  public String table(String table) {
    return Identifiers.table(database, table);
  }
}
