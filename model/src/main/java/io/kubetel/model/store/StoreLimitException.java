package io.kubetel.model.store;

/**
 * A read hit a configured bound (rows read, result rows, execution time, response bytes). The
 * message tells the user to narrow the window or filters (surfaced as 400 / 504 by the API server).
 */
public class StoreLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which bound was hit. */
  public enum Limit {
    ROWS_READ,
    RESULT_ROWS,
    EXECUTION_TIME,
    /** One ClickHouse response held more bytes than the server keeps in memory. */
    RESPONSE_BYTES
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
