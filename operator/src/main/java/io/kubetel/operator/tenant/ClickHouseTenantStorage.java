package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.retention.RetentionManager;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.schema.SchemaManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link TenantStorage} on ClickHouse through telemetry-core's shared contracts: the idempotent
 * schema code (which also drops a tenant's database) and the retention code.
 */
public record ClickHouseTenantStorage(SchemaManager schema, RetentionManager retention)
    implements TenantStorage {

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
    schema.dropDatabase(database);
  }
}
