package io.kubetel.crds.common;

import io.kubetel.model.window.Durations;
import java.time.Duration;

/**
 * Parses the durations the CRDs accept ({@link CrdPatterns#DURATION}): {@code 500ms}, {@code 30s},
 * {@code 1h30m}, {@code 7d}. The grammar is the query model's, parsed by the same code.
 */
public final class KubetelDuration {

  private KubetelDuration() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message naming the accepted format when it is invalid
   */
  public static Duration parse(String text) {
    return Durations.parse(text);
  }
}
