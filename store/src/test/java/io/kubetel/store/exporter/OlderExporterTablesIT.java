package io.kubetel.store.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.layout.TableShapes;
import io.kubetel.store.schema.TableDiscovery;
import io.kubetel.store.sql.Tables;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the older exporter generation's tables (fixture {@code exporter/older.sql}:
 * DateTime64(9) metric times, logs keyed by TimestampTime, the trace index a plain MergeTree), and
 * what discovery makes of them.
 */
class OlderExporterTablesIT extends ExporterTablesContract {
  @Override
  protected String generation() {
    return "older";
  }

  @Test
  void discoveryDescribesTheOlderGeneration() {
    TableShapes shapes = TableDiscovery.describe(gateway, gateway.database());
    assertThat(shapes.type(Tables.GAUGE, "TimeUnix")).contains("DateTime64(9)");
    assertThat(shapes.type(Tables.GAUGE, "MetricName")).contains("String");
    assertThat(shapes.isSeconds("TimeUnix")).isFalse();
    assertThat(shapes.logsHaveTimestampTime()).isTrue();
    assertThat(shapes.materializedColumns(Tables.LOGS)).isEmpty();
    assertThat(shapes.type(Tables.TRACE_ID_TS, "Start")).contains("DateTime");
  }
}
