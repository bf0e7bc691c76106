package io.kubetel.model.store;

/** Storage cannot be reached or did not answer in time (surfaced as 503 ServiceUnavailable). */
public class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
