package io.kubetel.store.schema;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the telemetry database and tables with {@code IF NOT EXISTS} statements, in the layout
 * the server's {@link LayoutDetection layout}: MODERN (the current exporter's exact DDL) or COMPAT,
 * under the gateway's table names. {@link #ensureSchema} creates only the tables discovery does not
 * find (a database an older exporter or kubetel created keeps its tables, e.g. {@code
 * otel_metrics_exp_histogram}, and gets no second one beside them), never drops or alters existing
 * tables; {@link #dropDatabase} drops a whole database on explicit request only.
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

  /**
   * Every statement of {@code layout}'s DDL for {@code database} under {@code names}, creating the
   * database first.
   */
  public static List<String> statements(SchemaLayout layout, String database, TableNames names) {
    return ddl(layout, database, names).stream().map(DdlStatement::sql).toList();
  }

  private static List<DdlStatement> ddl(SchemaLayout layout, String database, TableNames names) {
    String db = Identifiers.database(database);
    return DdlStatement.of(
        layout == SchemaLayout.MODERN ? ModernDdl.statements(db) : CompatDdl.statements(db),
        db,
        names);
  }

  @Override
  public void ensureSchema(String database) {
    SchemaLayout l = layout();
    List<DdlStatement> ddl = ddl(l, database, gateway.settings().tables());
    gateway.execute(ddl.get(0).sql());
    TableShapes existing = TableDiscovery.describe(gateway, database);
    List<String> created = new ArrayList<>();
    for (DdlStatement statement : ddl.subList(1, ddl.size())) {
      String role = statement.role().orElseThrow();
      if (!existing.has(role)) {
        gateway.execute(statement.sql());
        created.add(existing.name(role));
      }
    }
    log.info("event=schema_ensured database={} layout={} created={}", database, l, created);
  }

  @Override
  public boolean databaseExists(String database) {
    String sql =
        Select.select("name")
            .from("system.databases")
            .where("name = " + SqlLiteral.string(Identifiers.database(database)))
            .toSql();
    return !gateway.select(sql).isEmpty();
  }

  @Override
  public void dropDatabase(String database) {
    // Validated before anything is sent: an invalid name never reaches SQL.
    String db = Identifiers.database(database);
    gateway.execute("DROP DATABASE IF EXISTS " + db);
    log.info("event=database_dropped database={}", db);
  }
}
