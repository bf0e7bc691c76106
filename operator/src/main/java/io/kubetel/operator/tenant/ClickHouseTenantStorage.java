package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwnership;
import io.kubetel.store.retention.RetentionManager;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.schema.SchemaManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TenantStorage} on ClickHouse through the store's shared code: the idempotent schema code
 * (which also drops a tenant's database), the retention code, and the ownership records in
 * kubetel's own database.
 */
public record ClickHouseTenantStorage(
    SchemaManager schema, RetentionManager retention, DatabaseOwnership ownership)
    implements TenantStorage {

  @Override
  public String systemDatabase() {
    return ownership.systemDatabase();
  }

  @Override
  public boolean databaseExists(String database) {
    return schema.databaseExists(database);
  }

  @Override
  public Optional<DatabaseOwner> owner(String database) {
    return ownership.find(database);
  }

  @Override
  public void recordOwner(DatabaseOwner owner) {
    ownership.record(owner);
  }

  @Override
  public void releaseOwner(DatabaseOwner owner) {
    ownership.release(owner);
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
    schema.dropDatabase(database);
  }
}
