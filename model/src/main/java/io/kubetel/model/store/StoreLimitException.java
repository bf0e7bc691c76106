package io.kubetel.model.store;

/**
 * A read hit a configured bound (rows read, result rows, execution time, response bytes) or a
 * concurrency quota. The message tells the user to narrow the window or filters (surfaced as 400 /
 * 504 by the API server), or, for {@link Limit#CONCURRENT_QUERIES}, to retry shortly (429).
 */
public class StoreLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which bound was hit. */
  public enum Limit {
    ROWS_READ,
    RESULT_ROWS,
    EXECUTION_TIME,
    /** One ClickHouse response held more bytes than the server keeps in memory. */
    RESPONSE_BYTES,
    /**
     * ClickHouse refused to start the query: its user already runs {@code
     * max_concurrent_queries_for_user} queries (a tenant's quota, counted over every API server
     * replica), or the server its {@code max_concurrent_queries}. Nothing to narrow: retry.
     */
    CONCURRENT_QUERIES
  }

  private final Limit limit;

  public StoreLimitException(Limit limit, String message, Throwable cause) {
    super(message, cause);
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }
}
