package io.kubetel.crds.common;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations the CRDs accept ({@link CrdPatterns#DURATION}): {@code 500ms}, {@code 30s},
 * {@code 1h30m}, {@code 7d}. Same grammar as the query model's durations.
 */
public final class KubetelDuration {

  private static final Pattern WHOLE = Pattern.compile(CrdPatterns.DURATION);
  private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  private KubetelDuration() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message naming the accepted format when it is invalid
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "invalid duration \""
              + text
              + "\": expected numbers with units ms, s, m, h or d, e.g. 30s, 5m, 1h30m, 7d");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
    }
    return total;
  }
}
