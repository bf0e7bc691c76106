package io.kubetel.store.schema;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.Identifiers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read context of one database, built from its discovered tables on first use. While some
 * telemetry table is missing (an exporter that has not started yet, or has no pipeline for a
 * signal) the tables are discovered again at most every {@link #REDISCOVER_AFTER}, so tables
 * created later are read as they are; once all exist the description is kept.
 */
public final class DatabaseTables {
  /** How often a database with missing tables is looked at again. */
  public static final Duration REDISCOVER_AFTER = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(DatabaseTables.class);

  private final ClickHouseGateway gateway;
  private final Supplier<SchemaLayout> layout;
  private final String database;
  private final Clock clock;
  private ReadContext context;
  private Instant discoveredAt;

  public DatabaseTables(
      ClickHouseGateway gateway, Supplier<SchemaLayout> layout, String database, Clock clock) {
    this.gateway = gateway;
    this.layout = layout;
    this.database = Identifiers.database(database);
    this.clock = clock;
  }

  /**
   * The current read context: the same instance until a new discovery finds other tables.
   *
   * @throws io.kubetel.model.store.StoreSchemaException when a table has a shape kubetel cannot
   *     read
   * @throws io.kubetel.model.store.StoreUnavailableException while ClickHouse does not answer
   */
  public synchronized ReadContext context() {
    Instant now = clock.instant();
    if (context != null
        && (complete(context.dialect().shapes())
            || now.isBefore(discoveredAt.plus(REDISCOVER_AFTER)))) {
      return context;
    }
    SchemaLayout l = layout.get();
    TableShapes shapes = TableDiscovery.discover(gateway, database);
    if (context == null || !shapes.equals(context.dialect().shapes())) {
      context = new ReadContext(gateway, Dialect.of(l, shapes), database);
      log.info(
          "event=tables_discovered database={} layout={} tables={} missing={}",
          database,
          l,
          shapes.tables().size(),
          Tables.ALL.stream().filter(r -> !shapes.has(r)).sorted().toList());
    }
    discoveredAt = now;
    return context;
  }

  private static boolean complete(TableShapes shapes) {
    return Tables.ALL.stream().allMatch(shapes::has);
  }
}
