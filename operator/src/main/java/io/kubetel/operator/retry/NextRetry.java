package io.kubetel.operator.retry;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import io.kubetel.model.duration.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * The retry JOSDK will make if the current reconciliation fails: its number and its delay, read
 * from the controller's configured {@link Retry} and the attempts JOSDK has counted, so that status
 * messages and events can say "retrying in 10s (attempt 2)" without a second backoff rule.
 *
 * @param attempt the number of the failure being reported (1 for the first)
 * @param delay how long JOSDK waits before the next attempt; empty when it will not retry
 */
public record NextRetry(int attempt, Optional<Duration> delay) {

  /** What follows a failure of the reconciliation {@code context} belongs to. */
  public static NextRetry after(Context<?> context) {
    int failedBefore = context.getRetryInfo().map(RetryInfo::getAttemptCount).orElse(0);
    Retry retry = context.getControllerConfiguration().getRetry();
    Optional<Long> millis = Optional.empty();
    if (retry != null) {
      // Replaying a fresh execution gives the delay JOSDK's own execution is about to return.
      RetryExecution replay = retry.initExecution();
      for (int i = 0; i <= failedBefore; i++) {
        millis = replay.nextDelay();
      }
    }
    return new NextRetry(failedBefore + 1, millis.map(Duration::ofMillis));
  }

  /** {@code retrying in 10s (attempt 2)}, or {@code not retrying (attempt 7)}. */
  public String describe() {
    return delay.map(d -> "retrying in " + Durations.format(d)).orElse("not retrying")
        + " (attempt "
        + attempt
        + ")";
  }
}
