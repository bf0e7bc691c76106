package io.kubetel.alerting.delivery;

/**
 * How a delivery ended.
 *
 * @param outcome SENT; REJECTED (a permanent 4xx or a missing secret: the receiver is failed until
 *     the rule or Secret changes); or RETRY_LATER (retries exhausted: stays pending)
 * @param attempts how many HTTP requests were made
 * @param detail a message for status and logs, never a secret or URL
 */
public record DeliveryResult(Outcome outcome, int attempts, String detail) {
  /** See the record's description. */
  public enum Outcome {
    SENT,
    REJECTED,
    RETRY_LATER
  }

  public boolean sent() {
    return outcome == Outcome.SENT;
  }
}
