package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.testing.TelemetryStoreContract;
import io.kubetel.store.write.TelemetryBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The store contract on the local (COMPAT) ClickHouse, seeded through the writer. */
class TelemetryStoreIT extends TelemetryStoreContract {
  LocalClickHouse ch;
  TelemetryStore clickhouse;

  @Override
  protected TelemetryStore seed(TelemetryBatch batch) {
    ch = LocalClickHouse.start("store");
    ch.writer().write(batch);
    clickhouse = ch.store();
    return clickhouse;
  }

  @AfterAll
  void stop() {
    if (clickhouse != null) {
      clickhouse.close();
    }
    if (ch != null) {
      ch.close();
    }
  }

  @Test
  void layoutIsCompatAndTheServerAnswers() {
    assertThat(ch.layout()).isEqualTo(SchemaLayout.COMPAT);
    store.ping();
  }
}
