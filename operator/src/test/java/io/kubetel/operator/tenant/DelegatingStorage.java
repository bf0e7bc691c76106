package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant storage whose every call goes to {@link #current()}: the outage ITs switch it between a
 * working and a failing storage while the operator runs.
 */
abstract class DelegatingStorage implements TenantStorage {

  /** The storage the next call uses (or throws, to simulate an outage). */
  abstract TenantStorage current();

  @Override
  public String systemDatabase() {
    return TenantFixtures.SYSTEM_DATABASE;
  }

  @Override
  public boolean databaseExists(String database) {
    return current().databaseExists(database);
  }

  @Override
  public Optional<DatabaseOwner> owner(String database) {
    return current().owner(database);
  }

  @Override
  public void recordOwner(DatabaseOwner owner) {
    current().recordOwner(owner);
  }

  @Override
  public void releaseOwner(DatabaseOwner owner) {
    current().releaseOwner(owner);
  }

  @Override
  public void ensureSchema(String database) {
    current().ensureSchema(database);
  }

  @Override
  public List<RetentionAction> applyRetention(
      String database, Map<Signal, Duration> retention, Instant now) {
    return current().applyRetention(database, retention, now);
  }

  @Override
  public void dropDatabase(String database) {
    current().dropDatabase(database);
  }
}
