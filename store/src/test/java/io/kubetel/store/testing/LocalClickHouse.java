package io.kubetel.store.testing;

import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local test ClickHouse for ITs (shipped in the test-jar): reads the system property {@code
 * kubetel.clickhouse.url}, creates a uniquely named database with kubetel's schema (or, when {@code
 * kubetel.clickhouse.tables=exporter-older}, with the older exporter generation's tables, so every
 * IT runs on what such a collector created), and drops it on {@link #close()}. Use one per IT
 * class, preferably as a JUnit extension that opens it before the class's tests and drops it after
 * them:
 *
 * <pre>
 * &#64;RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("metricsit");
 * ... ch.gateway(), ch.database(), ch.settings() ...
 * </pre>
 *
 * <p>or by hand: {@code ch = LocalClickHouse.start("metricsit")} ... {@code ch.close()}.
 */
public final class LocalClickHouse implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  /** The system property naming the ClickHouse HTTP URL. */
  public static final String URL_PROPERTY = "kubetel.clickhouse.url";

  /**
   * The system property naming the engine {@code hack/clickhouse.sh} started ({@code debian} or
   * {@code modern}); hack/test.sh sets it from the env file.
   */
  public static final String ENGINE_PROPERTY = "kubetel.clickhouse.engine";

  /**
   * The system property choosing whose tables the ITs' databases get: empty for kubetel's own DDL
   * (the current exporter generation on a modern server, COMPAT on 18.16), or an {@link
   * ExporterFixture#id()} such as {@code exporter-older}; hack/test.sh runs the ITs once per value.
   */
  public static final String TABLES_PROPERTY = "kubetel.clickhouse.tables";

  private final String prefix;
  private final boolean exactName;
  private ClickHouseSettings settings;
  private ClickHouseGateway gateway;
  private SchemaLayout layout;

  private LocalClickHouse(String prefix) {
    this(prefix, false);
  }

  private LocalClickHouse(String prefix, boolean exactName) {
    this.prefix = prefix;
    this.exactName = exactName;
  }

  /** Creates the uniquely named database with the schema; a no-op when already open. */
  private LocalClickHouse open() {
    if (gateway == null) {
      settings = ClickHouseSettings.of(url(), exactName ? prefix : uniqueDatabase(prefix));
      gateway = new ClickHouseGateway(settings);
      if (exactName) {
        gateway.execute("DROP DATABASE IF EXISTS " + settings.database()); // a leftover
      }
      ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
      layout = schema.layout();
      Optional<ExporterFixture> fixture = fixture();
      if (fixture.isPresent()) {
        if (layout != SchemaLayout.MODERN) {
          throw new IllegalStateException(
              TABLES_PROPERTY + "=" + fixture.get().id() + " needs a modern ClickHouse (21.8+)");
        }
        fixture.get().create(gateway, settings.database());
      } else {
        schema.ensureSchema(settings.database());
      }
    }
    return this;
  }

  /** The configured URL; fails with instructions when it is not set. */
  public static String url() {
    String url = System.getProperty(URL_PROPERTY, "").trim();
    if (url.isEmpty()) {
      throw new IllegalStateException(
          "system property "
              + URL_PROPERTY
              + " is empty: ClickHouse ITs need a running ClickHouse. Run hack/test.sh (it starts"
              + " one and passes -D"
              + URL_PROPERTY
              + "=...), or start one with hack/clickhouse.sh start DIR and pass its"
              + " KUBETEL_CLICKHOUSE_URL as -D"
              + URL_PROPERTY
              + "=<url>");
    }
    return url;
  }

  /**
   * The layout the configured engine must get, known from how it was started rather than from the
   * server (Debian's 18.16: COMPAT; the chDB engine: MODERN), so ITs can check detection and pick
   * the assertions of their layout. Empty when the engine is not named (a hand-started server).
   */
  public static Optional<SchemaLayout> expectedLayout() {
    return switch (System.getProperty(ENGINE_PROPERTY, "").trim()) {
      case "debian" -> Optional.of(SchemaLayout.COMPAT);
      case "modern" -> Optional.of(SchemaLayout.MODERN);
      case "" -> Optional.empty();
      default ->
          throw new IllegalStateException(
              "unknown " + ENGINE_PROPERTY + " '" + System.getProperty(ENGINE_PROPERTY) + "'");
    };
  }

  /** The fixture whose tables ITs' databases get, or empty for kubetel's own DDL. */
  public static Optional<ExporterFixture> fixture() {
    String id = System.getProperty(TABLES_PROPERTY, "").trim();
    if (id.isEmpty() || id.equals("kubetel")) {
      return Optional.empty();
    }
    for (ExporterFixture f : ExporterFixture.values()) {
      if (f.id().equals(id)) {
        return Optional.of(f);
      }
    }
    throw new IllegalStateException("unknown " + TABLES_PROPERTY + " '" + id + "'");
  }

  /** Creates a fresh database named {@code kt_<prefix>_<random>} with the schema, now. */
  public static LocalClickHouse start(String prefix) {
    return new LocalClickHouse(prefix).open();
  }

  /**
   * Creates database {@code database} (dropping a leftover of that name first) with the schema: for
   * ITs whose database name is fixed elsewhere, e.g. by the tenant users {@code hack/clickhouse.sh}
   * declares. Such ITs must not run concurrently on one server.
   */
  public static LocalClickHouse startNamed(String database) {
    return new LocalClickHouse(database, true).open();
  }

  /**
   * The same as a JUnit extension (register it with {@code @RegisterExtension} on a static field):
   * the database is created before the class's tests and dropped after them.
   */
  public static LocalClickHouse perClass(String prefix) {
    return new LocalClickHouse(prefix);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (gateway != null) {
      close();
    }
  }

  private static String uniqueDatabase(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (clean.length() > 30) {
      clean = clean.substring(0, 30);
    }
    return "kt_" + clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public ClickHouseSettings settings() {
    return settings;
  }

  public ClickHouseGateway gateway() {
    return gateway;
  }

  public String database() {
    return settings.database();
  }

  public SchemaLayout layout() {
    return layout;
  }

  /** A writer for this database's layout. */
  public TelemetryWriter writer() {
    return new TelemetryWriter(gateway, layout);
  }

  /** A store over this database (its own client; close it yourself). */
  public ClickHouseTelemetryStore store() {
    return new ClickHouseTelemetryStore(new ClickHouseGateway(settings), layout, Clock.systemUTC());
  }

  /** Drops the database and closes the client. */
  @Override
  public void close() {
    try {
      gateway.execute("DROP DATABASE IF EXISTS " + settings.database());
    } finally {
      gateway.close();
      gateway = null;
    }
  }
}
