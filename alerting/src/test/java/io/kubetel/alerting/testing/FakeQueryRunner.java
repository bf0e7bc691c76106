package io.kubetel.alerting.testing;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.QueryRunner;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A query runner whose answer the test sets: series with one value each (or a failure), counting
 * how many queries ran.
 */
public final class FakeQueryRunner implements QueryRunner {
  public final AtomicInteger runs = new AtomicInteger();
  private volatile List<QueryResult.Series> series = List.of();
  private volatile RuntimeException failure;

  /** The next answers: one series per labels → value. */
  public FakeQueryRunner answer(Map<Map<String, String>, Double> values) {
    List<QueryResult.Series> out = new ArrayList<>();
    values.forEach(
        (labels, v) ->
            out.add(
                new QueryResult.Series(labels, List.of(new QueryResult.Point(Instant.EPOCH, v)))));
    series = out;
    failure = null;
    return this;
  }

  /** One ungrouped series with {@code value}. */
  public FakeQueryRunner value(double value) {
    return answer(Map.of(Map.of(), value));
  }

  public FakeQueryRunner noData() {
    return answer(Map.of());
  }

  public FakeQueryRunner failing(RuntimeException e) {
    failure = e;
    return this;
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    runs.incrementAndGet();
    if (failure != null) {
      throw failure;
    }
    return new QueryResult(now.minusSeconds(300), now, 60, Aggregation.RATE, series);
  }
}
