package io.kubetel.model.duration;

import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.text.Printable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one duration grammar of kubetel (query specs, CRDs, selectors and window parameters, command
 * line flags): integers with units {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} (24h) and
 * {@code w} (7d), optionally compound, e.g. {@code 500ms}, {@code 30s}, {@code 1h30m}, {@code 2w3d}
 * — as Kubernetes and Prometheus users write them. See {@code docs/api-resources.md#durations}.
 *
 * <p>The parser is hand-written and linear, and input is bounded by {@link #MAX_LENGTH}, so no
 * input can make it slow or overflow the stack. {@link #PATTERN}, {@link #MAX_LENGTH} and {@link
 * #CEL_NOT_ZERO} state the same grammar for CRD schemas; a property test keeps them equal.
 */
public final class Durations {
  /** Longest duration text accepted (the CRD schemas' {@code maxLength}). */
  public static final int MAX_LENGTH = 64;

  /** Most digits in one number, so that no sum can overflow. */
  public static final int MAX_DIGITS = 9;

  /** The grammar as a regular expression (the CRD schemas' {@code pattern}). */
  public static final String PATTERN = "^([0-9]{1,9}(ms|s|m|h|d|w))+$";

  /** The durations in the grammar that are zero, such as {@code 0s} or {@code 0h00m}. */
  public static final String ZERO_PATTERN = "^(0+(ms|s|m|h|d|w))+$";

  /** CEL rule on a duration string refusing zero durations ({@link #ZERO_PATTERN}). */
  public static final String CEL_NOT_ZERO = "!self.matches('" + ZERO_PATTERN + "')";

  /**
   * CEL rule on a duration string accepting durations of at least one hour: a nonzero number of
   * hours, days or weeks, or, in a duration without days and weeks, minutes, seconds and
   * milliseconds that CEL's {@code duration()} adds up to an hour or more ({@code 90m}, {@code
   * 3600s}). Stricter than {@link #parse} only for durations nobody writes: minutes beside a zero
   * day or week ({@code 0d90m}, write {@code 90m}) and minute counts beyond {@code duration()}'s
   * 290 years.
   */
  public static final String CEL_AT_LEAST_ONE_HOUR =
      "self.matches('(^|[a-z])0*[1-9][0-9]*[hdw]')"
          + " || (!self.matches('[dw]') && duration(self) >= duration('1h'))";

  /** The accepted form, as error messages state it. */
  public static final String FORM =
      "use integers with units ms, s, m, h, d or w, e.g. 500ms, 30s, 15m, 1h30m, 7d, 2w";

  private static final long[] FORMAT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
  private static final String[] FORMAT_UNITS = {"d", "h", "m", "s", "ms"};

  private Durations() {}

  /** Parses {@code text} (zero allowed), naming it "value" in errors. */
  public static Duration parse(String text) {
    return parse(text, "value");
  }

  /**
   * Parses {@code text}; zero is allowed.
   *
   * @param what names the value in errors, e.g. {@code window}; empty to name only the input
   * @throws InvalidInputException naming the input and the accepted form when it is not valid
   */
  public static Duration parse(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw new InvalidInputException((what.isEmpty() ? "duration" : what) + " is empty; " + FORM);
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(text, what, "it is longer than " + MAX_LENGTH + " characters");
    }
    if (text.startsWith("-")) {
      throw new InvalidInputException(quoted(what, text) + " must not be negative");
    }
    Duration total = Duration.ZERO;
    int pos = 0;
    while (pos < text.length()) {
      int digitsStart = pos;
      long n = 0;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        n = n * 10 + (text.charAt(pos) - '0');
        pos++;
        if (pos - digitsStart > MAX_DIGITS) {
          throw invalid(text, what, "a number has more than " + MAX_DIGITS + " digits");
        }
      }
      if (pos == digitsStart) {
        throw invalid(text, what, hint(text));
      }
      int unitLength = unitLength(text, pos);
      if (unitLength == 0) {
        throw invalid(text, what, hint(text));
      }
      total = total.plus(amount(n, text.substring(pos, pos + unitLength)));
      pos += unitLength;
    }
    return total;
  }

  /**
   * Parses {@code text} as a duration longer than zero.
   *
   * @throws InvalidInputException when it is not valid or is zero
   */
  public static Duration parsePositive(String text, String what) {
    Duration d = parse(text, what);
    if (d.isZero()) {
      throw new InvalidInputException(quoted(what, text) + " must be longer than zero");
    }
    return d;
  }

  /** Whether {@code text} is in the grammar (zero included). */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * Formats a duration in the grammar, largest units first ({@code 90m} → {@code 1h30m}); days are
   * not folded into weeks ({@code 14d} reads better than {@code 2w}). Below a millisecond is
   * dropped.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration " + d + " cannot be formatted");
    }
    StringBuilder sb = new StringBuilder();
    long ms = d.toMillis();
    for (int i = 0; i < FORMAT_MILLIS.length; i++) {
      long n = ms / FORMAT_MILLIS[i];
      if (n > 0) {
        sb.append(n).append(FORMAT_UNITS[i]);
        ms -= n * FORMAT_MILLIS[i];
      }
    }
    return sb.length() == 0 ? "0s" : sb.toString();
  }

  /** Length of the unit at {@code pos} (2 for ms, 1 for the others), 0 when there is none. */
  private static int unitLength(String text, int pos) {
    if (pos >= text.length()) {
      return 0;
    }
    char c = text.charAt(pos);
    if (c == 'm' && pos + 1 < text.length() && text.charAt(pos + 1) == 's') {
      return 2;
    }
    return "smhdw".indexOf(c) >= 0 ? 1 : 0;
  }

  private static Duration amount(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** What is wrong, for the common mistakes: ISO-8601, upper-case units, spaces, no unit. */
  private static String hint(String text) {
    if (text.startsWith("P") || text.startsWith("p")) {
      try {
        Duration iso = Duration.parse(text.toUpperCase(Locale.ROOT));
        if (!iso.isNegative()) {
          return "ISO-8601 durations are not accepted, write " + format(iso) + " instead";
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        // not ISO-8601 either: the generic explanation follows
      }
      return "ISO-8601 durations are not accepted";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.equals(text) && isValid(lower)) {
      return "units are lower-case, write " + lower + " instead";
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      return "it must not contain spaces";
    }
    if (text.chars().allMatch(Durations::isDigit)) {
      return "the number has no unit";
    }
    return "unexpected characters";
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static InvalidInputException invalid(String text, String what, String reason) {
    return new InvalidInputException(
        quoted(what, text) + " is not a duration: " + reason + "; " + FORM);
  }

  /** {@code what "text"}, or just {@code "text"} when {@code what} is empty. */
  private static String quoted(String what, String text) {
    String q = "\"" + Printable.of(text) + "\"";
    return what.isEmpty() ? q : what + " " + q;
  }
}
