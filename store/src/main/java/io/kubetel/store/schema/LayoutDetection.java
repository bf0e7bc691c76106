package io.kubetel.store.schema;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.layout.SchemaLayout;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which {@link SchemaLayout} a ClickHouse server gets: MODERN from 21.8
 * (Map and DateTime64 generally available), COMPAT before. The server is asked for its version on
 * the first {@link #get()}, not on construction, so the API server and the operator can start while
 * ClickHouse is still down; the answer is remembered. Share one instance per server.
 */
public final class LayoutDetection implements Supplier<SchemaLayout> {
  private static final Logger log = LoggerFactory.getLogger(LayoutDetection.class);
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final ClickHouseGateway gateway;
  private volatile SchemaLayout layout;

  private LayoutDetection(ClickHouseGateway gateway, SchemaLayout layout) {
    this.gateway = gateway;
    this.layout = layout;
  }

  /** Detects the layout of the server behind {@code gateway} on first use. */
  public static LayoutDetection of(ClickHouseGateway gateway) {
    return new LayoutDetection(gateway, null);
  }

  /** A layout known in advance (tests, or a server whose layout was detected elsewhere). */
  public static LayoutDetection fixed(SchemaLayout layout) {
    if (layout == null) {
      throw new IllegalArgumentException("layout must not be null");
    }
    return new LayoutDetection(null, layout);
  }

  /** MODERN when the version has Map and DateTime64 generally available (21.8+), else COMPAT. */
  public static SchemaLayout forVersion(String version) {
    Matcher m = VERSION.matcher(version == null ? "" : version.trim());
    if (!m.find()) {
      throw new IllegalArgumentException("unrecognised ClickHouse version '" + version + "'");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 21 || (major == 21 && minor >= 8) ? SchemaLayout.MODERN : SchemaLayout.COMPAT;
  }

  /**
   * The layout, asking the server for its version the first time.
   *
   * @throws io.kubetel.model.store.StoreUnavailableException while the server does not answer (the
   *     next call asks again)
   */
  @Override
  public SchemaLayout get() {
    SchemaLayout l = layout;
    if (l == null) {
      String version = gateway.serverVersion();
      l = forVersion(version);
      layout = l;
      log.info("event=schema_layout_detected version={} layout={}", version, l);
    }
    return l;
  }
}
