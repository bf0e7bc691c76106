package io.kubetel.model.query;

import java.time.Instant;
import java.util.Optional;

/** Runs TelemetryQuery specs; what the queries handler and the alert evaluator depend on. */
public interface QueryRunner {

  /**
   * Validates and runs the query, scoped to {@code namespace} when present, with relative ranges
   * resolved against {@code now}.
   *
   * @throws InvalidQueryException when the spec is invalid (bad duration, unknown aggregation for
   *     the signal, absurd range, ...)
   */
  QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now);
}
