package io.kubetel.model.store;

/**
 * A read stopped because its caller gave up on it ({@link ReadScope} over: the request's deadline
 * passed or its client went away). A {@link StoreLimitException} of {@code EXECUTION_TIME}, so it
 * answers as a timeout; callers that share one read among several requests (the result cache's
 * coalescing) tell it apart, because for a request still waiting the read was not too slow, only
 * abandoned by another, and it reads again itself.
 */
public class ReadAbandonedException extends StoreLimitException {
  private static final long serialVersionUID = 1L;

  public ReadAbandonedException(Throwable cause) {
    super(
        Limit.EXECUTION_TIME,
        "the read was abandoned: the request's deadline passed or its client went away",
        cause);
  }
}
