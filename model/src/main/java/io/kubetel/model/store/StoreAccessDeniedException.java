package io.kubetel.model.store;

/**
 * Storage refused the credentials a read ran with: the user is unknown or its password wrong
 * ({@link #credentialsRejected()}), or it may not read the database asked for (ClickHouse codes 291
 * and 497: a tenant's user reaching outside its own database). A kind of unavailability, so callers
 * that do not know tenancy answer 503; the API server's tenancy layer says more.
 */
public class StoreAccessDeniedException extends StoreUnavailableException {
  private static final long serialVersionUID = 1L;

  private final boolean credentialsRejected;

  public StoreAccessDeniedException(String message, boolean credentialsRejected, Throwable cause) {
    super(message, cause);
    this.credentialsRejected = credentialsRejected;
  }

  /** True when the user or password was refused, false when the database was. */
  public boolean credentialsRejected() {
    return credentialsRejected;
  }
}
