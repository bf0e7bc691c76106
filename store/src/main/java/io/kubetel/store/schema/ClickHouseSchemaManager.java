package io.kubetel.store.schema;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.sql.Identifiers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the telemetry database and tables with {@code IF NOT EXISTS} statements, in the layout
 * the server's {@link LayoutDetection layout}: MODERN (the exporter's exact DDL) or COMPAT. {@link
 * #ensureSchema} never drops or alters existing tables; {@link #dropDatabase} drops a whole
 * database on explicit request only.
 */
public final class ClickHouseSchemaManager implements SchemaManager {
  private static final Logger log = LoggerFactory.getLogger(ClickHouseSchemaManager.class);

  private final ClickHouseGateway gateway;
  private final LayoutDetection layout;

  public ClickHouseSchemaManager(ClickHouseGateway gateway) {
    this(gateway, LayoutDetection.of(gateway));
  }

  /** A manager for a server whose layout is already known (skips version detection). */
  public ClickHouseSchemaManager(ClickHouseGateway gateway, SchemaLayout layout) {
    this(gateway, LayoutDetection.fixed(layout));
  }

  /** A manager sharing a detection with the other users of the same server. */
  private ClickHouseSchemaManager(ClickHouseGateway gateway, LayoutDetection layout) {
    this.gateway = gateway;
    this.layout = layout;
  }

  @Override
  public SchemaLayout layout() {
    return layout.get();
  }

  /** The statements {@link #ensureSchema} runs for {@code database} in {@code layout}. */
  public static List<String> statements(SchemaLayout layout, String database) {
    String db = Identifiers.database(database);
    return layout == SchemaLayout.MODERN ? ModernDdl.statements(db) : CompatDdl.statements(db);
  }

  @Override
  public void ensureSchema(String database) {
    SchemaLayout l = layout();
    for (String statement : statements(l, database)) {
      gateway.execute(statement);
    }
    log.info("event=schema_ensured database={} layout={}", database, l);
  }

  @Override
  public void dropDatabase(String database) {
    // Validated before anything is sent: an invalid name never reaches SQL.
    String db = Identifiers.database(database);
    gateway.execute("DROP DATABASE IF EXISTS " + db);
    log.info("event=database_dropped database={}", db);
  }
}
