package io.kubetel.operator.tenant;

import io.kubetel.model.query.Signal;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage for the tenant unit tests: databases and ownership records in memory, every call recorded
 * as one line ({@code "schema kt_shop"}, {@code "record kt_shop shop CREATED"}), failures on
 * demand.
 */
final class ScriptedStorage implements TenantStorage {
  final List<String> calls = new ArrayList<>();
  final Map<String, DatabaseOwner> owners = new HashMap<>();
  final Set<String> databases = new HashSet<>();
  RuntimeException schemaFailure;
  RuntimeException retentionFailure;

  @Override
  public String systemDatabase() {
    return "kubetel_system";
  }

  @Override
  public boolean databaseExists(String database) {
    calls.add("exists " + database);
    return databases.contains(database);
  }

  @Override
  public Optional<DatabaseOwner> owner(String database) {
    calls.add("owner " + database);
    return Optional.ofNullable(owners.get(database));
  }

  @Override
  public void recordOwner(DatabaseOwner owner) {
    calls.add("record " + owner.database() + " " + owner.tenant() + " " + owner.mode());
    owners.put(owner.database(), owner);
  }

  @Override
  public void releaseOwner(DatabaseOwner owner) {
    calls.add("release " + owner.database());
    owners.remove(owner.database());
  }

  @Override
  public void ensureSchema(String database) {
    calls.add("schema " + database);
    if (schemaFailure != null) {
      throw schemaFailure;
    }
    databases.add(database);
  }

  @Override
  public List<RetentionAction> applyRetention(
      String database, Map<Signal, Duration> retention, Instant now) {
    calls.add("retention " + database + " " + retention.get(Signal.LOGS));
    if (retentionFailure != null) {
      throw retentionFailure;
    }
    return List.of(new RetentionAction("otel_logs", "drop", "2026-11-01"));
  }

  @Override
  public void dropDatabase(String database) {
    calls.add("drop " + database);
    databases.remove(database);
  }
}
