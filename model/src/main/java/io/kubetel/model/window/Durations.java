package io.kubetel.model.window;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the short durations users write in queries and CRDs: {@code 500ms}, {@code
 * 30s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 1h30m}. Units: ms, s, m, h, d (a day is 24h).
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration such as {@code 1h30m}.
   *
   * @throws IllegalArgumentException naming the input and the accepted form when it is not valid
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "duration is empty; expected a number with a unit (ms, s, m, h, d), e.g. 30s or 1h30m");
    }
    String s = text.trim();
    if (!WHOLE.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "invalid duration '"
              + text
              + "'; expected numbers with units ms, s, m, h or d, e.g. 500ms, 30s, 15m, 1h30m, 7d");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(s);
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

  /** Formats a duration in the same notation, largest units first ({@code 90m} → {@code 1h30m}). */
  public static String format(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration " + d + " cannot be formatted");
    }
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long ms = d.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      long n = ms / sizes[i];
      if (n > 0) {
        sb.append(n).append(units[i]);
        ms -= n * sizes[i];
      }
    }
    return sb.length() == 0 ? "0s" : sb.toString();
  }
}
