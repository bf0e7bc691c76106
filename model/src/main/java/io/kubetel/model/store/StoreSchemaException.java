package io.kubetel.model.store;

/**
 * A telemetry table kubetel needs is missing, or has a shape kubetel cannot read (e.g. the
 * exporter's JSON-typed attribute columns). The message names the database, table and column so an
 * operator can act on it without a ClickHouse stack trace; the API server answers 503 for a missing
 * table (the exporter may create it later) and 500 for an unreadable one, and the operator reports
 * it as a condition.
 */
public class StoreSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the table. */
  public enum Problem {
    /** The table does not exist (yet). */
    MISSING_TABLE,
    /** The table exists but a column has a type kubetel does not read. */
    UNSUPPORTED_COLUMN
  }

  private final Problem problem;

  public StoreSchemaException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
