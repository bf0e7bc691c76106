package io.kubetel.store.testing;

import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.schema.DdlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Telemetry tables as another writer created them, for ITs (shipped in the test-jar): the older
 * OTel exporter generation from the fixture {@code exporter-older.sql} beside this class (written
 * from the exporter's templates, version noted there), and the tables an older kubetel created (the
 * same, with the exponential-histogram table under kubetel's former name). The current generation
 * needs no fixture: it is kubetel's own DDL.
 */
public enum ExporterFixture {
  /** The older exporter generation (DateTime64(9) metric times, logs keyed by TimestampTime). */
  EXPORTER_OLDER,
  /** What kubetel created before it followed the exporter's table name for exp. histograms. */
  KUBETEL_LEGACY;

  /** The name used for it in system properties and logs, e.g. {@code exporter-older}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The fixture's statements for {@code database} (which must exist). */
  public List<String> statements(String database) {
    List<String> older = script("exporter-older.sql", database);
    return this == EXPORTER_OLDER
        ? older
        : older.stream()
            .map(
                s ->
                    s.replace(
                        ".otel_metrics_exponential_histogram ", ".otel_metrics_exp_histogram "))
            .toList();
  }

  /** Creates {@code database} with the fixture's tables. */
  public void create(ClickHouseGateway gateway, String database) {
    gateway.execute("CREATE DATABASE IF NOT EXISTS " + database);
    statements(database).forEach(gateway::execute);
  }

  /** The fixture's statements, parsed like kubetel's own DDL script ({@link DdlStatement}). */
  private static List<String> script(String resource, String database) {
    try (InputStream in = ExporterFixture.class.getResourceAsStream(resource)) {
      return DdlStatement.script(new String(in.readAllBytes(), StandardCharsets.UTF_8), database);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
