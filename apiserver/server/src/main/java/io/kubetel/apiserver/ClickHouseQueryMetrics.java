package io.kubetel.apiserver;

import io.kubetel.apiserver.http.LatencyBuckets;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * ClickHouse read meters on {@code /metrics}: {@code kubetel_clickhouse_query_seconds} (histogram),
 * {@code kubetel_clickhouse_query_result_rows}, {@code kubetel_clickhouse_query_read_rows} and
 * {@code kubetel_clickhouse_query_read_bytes} (summaries; read rows and bytes come from the
 * server's summary header, so they stay 0 on servers that send none, such as 18.16). No labels: the
 * SQL is never a label value.
 */
final class ClickHouseQueryMetrics implements ClickHouseGateway.SelectObserver {
  private final Timer duration;
  private final DistributionSummary resultRows;
  private final DistributionSummary readRows;
  private final DistributionSummary readBytes;

  ClickHouseQueryMetrics(MeterRegistry registry) {
    this.duration =
        Timer.builder("kubetel.clickhouse.query")
            .description("ClickHouse reads, from sending the SQL to having parsed the answer")
            .serviceLevelObjectives(LatencyBuckets.BUCKETS)
            .register(registry);
    this.resultRows =
        DistributionSummary.builder("kubetel.clickhouse.query.result.rows")
            .description("Rows in the answers of ClickHouse reads")
            .register(registry);
    this.readRows =
        DistributionSummary.builder("kubetel.clickhouse.query.read.rows")
            .description("Rows ClickHouse read to answer (0 when the server does not say)")
            .register(registry);
    this.readBytes =
        DistributionSummary.builder("kubetel.clickhouse.query.read.bytes")
            .description("Bytes ClickHouse read to answer (0 when the server does not say)")
            .baseUnit("bytes")
            .register(registry);
  }

  @Override
  public void selected(String sql, long nanos, int rows, long read, long bytes) {
    duration.record(nanos, TimeUnit.NANOSECONDS);
    resultRows.record(rows);
    readRows.record(Math.max(0, read));
    readBytes.record(Math.max(0, bytes));
  }
}
