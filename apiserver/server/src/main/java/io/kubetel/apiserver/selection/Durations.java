package io.kubetel.apiserver.selection;

import io.kubetel.apiserver.http.ApiException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses user durations: Go/kubectl style ({@code 90s}, {@code 15m}, {@code 1h30m}, {@code 7d},
 * {@code 2w}, {@code 500ms}) or ISO-8601 ({@code PT15M}). Problems are 400 BadRequest.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|s|m|h|d|w))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)");

  private Durations() {}

  /** Parses {@code text} as a positive duration; {@code what} names it in errors. */
  public static Duration parsePositive(String text, String what) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw ApiException.badRequest(what + " \"" + text + "\" must not be negative");
    }
    Duration d;
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        d = Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw invalid(text, what);
      }
    } else {
      if (!WHOLE.matcher(t).matches()) {
        throw invalid(text, what);
      }
      d = Duration.ZERO;
      Matcher m = PART.matcher(t);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        d =
            d.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(7 * n);
                });
      }
    }
    if (d.isNegative()) {
      throw ApiException.badRequest(what + " \"" + text + "\" must not be negative");
    }
    if (d.isZero()) {
      throw ApiException.badRequest(what + " \"" + text + "\" must be longer than zero");
    }
    return d;
  }

  private static ApiException invalid(String text, String what) {
    return ApiException.badRequest(
        what
            + " \""
            + ValueRules.printable(text)
            + "\" is not a duration; use e.g. 30s, 15m, 1h30m, 7d or ISO-8601 PT15M");
  }

  /** Formats a duration the way kubectl users write it, e.g. {@code 1h30m}, {@code 45s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (d.toHoursPart() > 0) {
      out.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      out.append(d.toSecondsPart()).append('s');
    }
    if (d.toMillisPart() > 0) {
      out.append(d.toMillisPart()).append("ms");
    }
    return out.length() == 0 ? d.toNanos() + "ns" : out.toString();
  }
}
