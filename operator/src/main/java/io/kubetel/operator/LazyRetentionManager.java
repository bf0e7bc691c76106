package io.kubetel.operator;

import io.kubetel.model.query.Signal;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.retention.RetentionManager;
import io.kubetel.store.schema.SchemaManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shared retention code, created on first use: choosing between TTL and partition drops needs
 * the server's layout, and the operator must start (and report StorageReady=False) even while
 * ClickHouse is down.
 */
final class LazyRetentionManager implements RetentionManager {

  private final ClickHouseGateway gateway;
  private final SchemaManager schema;
  private volatile RetentionManager delegate;

  LazyRetentionManager(ClickHouseGateway gateway, SchemaManager schema) {
    this.gateway = gateway;
    this.schema = schema;
  }

  @Override
  public List<RetentionAction> apply(
      String database, Map<Signal, Duration> retention, Instant now) {
    RetentionManager d = delegate;
    if (d == null) {
      d = new PartitionRetentionManager(gateway, schema.layout());
      delegate = d;
    }
    return d.apply(database, retention, now);
  }
}
