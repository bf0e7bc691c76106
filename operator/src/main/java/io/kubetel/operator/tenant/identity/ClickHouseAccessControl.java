package io.kubetel.operator.tenant.identity;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.sql.SqlLiteral;

/**
 * {@link AccessControl} on the operator's ClickHouse connection. Access-control statements are run
 * through the gateway's quiet path: no statement in any log, and a failure carries only the
 * ClickHouse error code, never the statement or the server's message (which may quote it).
 */
public record ClickHouseAccessControl(ClickHouseGateway gateway) implements AccessControl {

  @Override
  public ClickHouseVersion version() {
    return ClickHouseVersion.parse(gateway.serverVersion());
  }

  @Override
  public boolean userExists(String user) {
    return !gateway
        .select(
            "SELECT name FROM system.users WHERE name = "
                + SqlLiteral.string(user)
                + " FORMAT JSONEachRow")
        .isEmpty();
  }

  @Override
  public void executeSecret(String statement) {
    gateway.executeQuietly(statement);
  }
}
