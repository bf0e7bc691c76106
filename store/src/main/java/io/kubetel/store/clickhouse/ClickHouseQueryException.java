package io.kubetel.store.clickhouse;

/**
 * ClickHouse rejected a statement for a reason other than a read bound or unavailability. The
 * message carries the ClickHouse code and its first line, never the statement's values.
 */
public class ClickHouseQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public ClickHouseQueryException(int code, String operation, Throwable cause) {
    super(
        "ClickHouse "
            + operation
            + " failed"
            + (code > 0 ? " (code " + code + ")" : "")
            + ": "
            + ClickHouseErrors.safeMessage(cause),
        cause);
    this.code = code;
  }

  /** The ClickHouse error code, or -1 when unknown. */
  public int code() {
    return code;
  }
}
