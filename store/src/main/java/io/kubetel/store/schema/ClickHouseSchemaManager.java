package io.kubetel.store.schema;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.sql.Identifiers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the telemetry database and tables with {@code IF NOT EXISTS} statements, in the layout
 * the server supports: MODERN (the exporter's exact DDL) on 21.8+, COMPAT otherwise. {@link
 * #ensureSchema} never drops or alters existing tables; {@link #dropDatabase} drops a whole
 * database on explicit request only.
 */
public final class ClickHouseSchemaManager implements SchemaManager {
  private static final Logger log = LoggerFactory.getLogger(ClickHouseSchemaManager.class);
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final ClickHouseGateway gateway;
  private volatile SchemaLayout layout;

  public ClickHouseSchemaManager(ClickHouseGateway gateway) {
    this.gateway = gateway;
  }

  /** A manager for a server whose layout is already known (skips version detection). */
  public ClickHouseSchemaManager(ClickHouseGateway gateway, SchemaLayout layout) {
    this.gateway = gateway;
    this.layout = layout;
  }

  /** MODERN when the version has Map and DateTime64 generally available (21.8+), else COMPAT. */
  public static SchemaLayout layoutForVersion(String version) {
    Matcher m = VERSION.matcher(version == null ? "" : version.trim());
    if (!m.find()) {
      throw new IllegalArgumentException("unrecognised ClickHouse version '" + version + "'");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 21 || (major == 21 && minor >= 8) ? SchemaLayout.MODERN : SchemaLayout.COMPAT;
  }

  @Override
  public SchemaLayout layout() {
    SchemaLayout l = layout;
    if (l == null) {
      String version = gateway.serverVersion();
      l = layoutForVersion(version);
      layout = l;
      log.info("event=schema_layout_detected version={} layout={}", version, l);
    }
    return l;
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
