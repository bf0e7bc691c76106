package io.kubetel.store.layout;

/**
 * A telemetry table exists but has a shape kubetel cannot read (e.g. JSON-typed attributes); the
 * message names the table and column, so an operator can act on it without a ClickHouse trace.
 */
public final class UnsupportedTableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UnsupportedTableException(String message) {
    super(message);
  }
}
