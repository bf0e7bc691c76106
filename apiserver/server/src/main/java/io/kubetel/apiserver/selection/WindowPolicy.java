package io.kubetel.apiserver.selection;

import java.time.Duration;

/**
 * Bounds on read windows.
 *
 * @param defaultWindow length used when the request names none (15 minutes)
 * @param maxWindow longest window a request may ask for (7 days)
 * @param maxFutureSkew how far past now a window may reach, for clock skew between client and
 *     server
 */
public record WindowPolicy(Duration defaultWindow, Duration maxWindow, Duration maxFutureSkew) {

  public static final WindowPolicy DEFAULT =
      new WindowPolicy(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofMinutes(5));

  public WindowPolicy {
    if (defaultWindow.isNegative() || defaultWindow.isZero()) {
      throw new IllegalArgumentException("defaultWindow must be positive");
    }
    if (maxWindow.compareTo(defaultWindow) < 0) {
      throw new IllegalArgumentException("maxWindow must be at least defaultWindow");
    }
  }
}
