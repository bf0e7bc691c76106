package io.kubetel.operator.tenant;

import io.kubetel.core.clickhouse.ClickHouseGateway;
import io.kubetel.core.query.Signal;
import io.kubetel.core.retention.RetentionManager;
import io.kubetel.core.retention.RetentionManager.RetentionAction;
import io.kubetel.core.schema.SchemaManager;
import io.kubetel.core.sql.Identifiers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link TenantStorage} on ClickHouse through telemetry-core: the shared idempotent schema code,
 * the shared retention code, and a {@code DROP DATABASE} of a validated identifier.
 */
public final class ClickHouseTenantStorage implements TenantStorage {

  private final SchemaManager schema;
  private final RetentionManager retention;
  private final ClickHouseGateway gateway;

  public ClickHouseTenantStorage(
      SchemaManager schema, RetentionManager retention, ClickHouseGateway gateway) {
    this.schema = schema;
    this.retention = retention;
    this.gateway = gateway;
  }

  @Override
  public void ensureSchema(String database) {
    schema.ensureSchema(database);
  }

  @Override
  public List<RetentionAction> applyRetention(
      String database, Map<Signal, Duration> perSignal, Instant now) {
    return retention.apply(database, perSignal, now);
  }

  @Override
  public void dropDatabase(String database) {
    // Identifiers.database rejects anything but a plain identifier: no user text reaches SQL.
    gateway.execute("DROP DATABASE IF EXISTS " + Identifiers.database(database));
  }
}
