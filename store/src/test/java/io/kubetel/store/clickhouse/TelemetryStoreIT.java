package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.testing.TelemetryStoreContract;
import io.kubetel.store.write.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the local ClickHouse (hack/test.sh runs it once per layout: COMPAT on
 * 18.16, MODERN on the chDB engine), seeded through the writer, and what only ClickHouse answers.
 */
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
  void layoutIsTheEnginesAndTheServerAnswers() {
    LocalClickHouse.expectedLayout()
        .ifPresent(expected -> assertThat(ch.layout()).isEqualTo(expected));
    store.ping();
  }

  @Test
  void quantilesOfRawValues() {
    // ClickHouse's quantile() over the values themselves; the in-memory store refuses these.
    TelemetryQuerySpec p50 = spec(Signal.METRICS, "process.memory.usage", Aggregation.P50);
    p50.setFilters(
        List.of(new QueryFilter("pod", QueryFilterOperator.Equals, List.of("checkout-1"))));
    assertThat(single(run(p50))).isEqualTo(20);
    assertThat(single(run(spec(Signal.TRACES, null, Aggregation.P50)))).isEqualTo(30);
  }
}
