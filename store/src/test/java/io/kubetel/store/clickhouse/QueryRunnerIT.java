package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.testing.KnownTelemetry;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only ClickHouse answers: quantiles over raw values. Every other aggregation is in the store
 * contract ({@code TelemetryQueryContract}), which {@code TelemetryStoreIT} runs here.
 */
class QueryRunnerIT {
  static LocalClickHouse ch;
  static ClickHouseTelemetryStore store;
  static KnownTelemetry data;

  @BeforeAll
  static void load() {
    ch = LocalClickHouse.start("query");
    data = new KnownTelemetry(Instant.now());
    new TelemetryWriter(ch.gateway(), ch.layout()).write(data.batch);
    store = new ClickHouseTelemetryStore(ch.gateway(), ch.layout(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  static TelemetryQuerySpec spec(Signal signal, String metric, Aggregation agg, String... groupBy) {
    return data.query(signal, metric, agg, groupBy);
  }

  static QueryResult run(TelemetryQuerySpec spec) {
    return store.run(spec, Optional.of("shop"), Instant.now());
  }

  /** The single point of the single series (all known data falls in the bucket starting at T0). */
  static double single(QueryResult r) {
    assertThat(r.series()).hasSize(1);
    assertThat(r.series().get(0).points())
        .singleElement()
        .satisfies(p -> assertThat(p.time()).isEqualTo(data.t0));
    return r.series().get(0).points().get(0).value();
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
