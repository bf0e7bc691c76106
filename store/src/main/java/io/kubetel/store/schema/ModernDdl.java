package io.kubetel.store.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MODERN DDL: the OTel Collector ClickHouse exporter's current tables (MergeTree, single node),
 * kept as the script {@code exporter-current.sql} beside this class, so kubetel creates exactly the
 * tables a current exporter creates and reads, and a collector pointed at a kubetel database writes
 * into them.
 */
final class ModernDdl {
  private static final String SCRIPT = "exporter-current.sql";

  private ModernDdl() {}

  /** {@code CREATE DATABASE} and the exporter's tables for {@code db}, with the default names. */
  static List<String> statements(String db) {
    List<String> out = new ArrayList<>();
    out.add("CREATE DATABASE IF NOT EXISTS " + db);
    out.addAll(DdlStatement.script(text(), db));
    return out;
  }

  private static String text() {
    try (InputStream in = ModernDdl.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the store's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
