package io.kubetel.apiserver.selection;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.text.Printable;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Resolves the read window of a request from optional {@code start}, {@code end} (RFC 3339) and
 * {@code window} (duration): the default is the last {@link WindowPolicy#defaultWindow()} ending
 * now; {@code window} alone ends now, with {@code start} it starts there, with {@code end} it ends
 * there. Absurd windows (start not before end, longer than the maximum, in the future) are an
 * {@link InvalidInputException} (400 BadRequest).
 */
public final class TimeWindows {

  private TimeWindows() {}

  public static TimeWindow resolve(
      String start, String end, String window, Instant now, WindowPolicy policy) {
    Instant s = start == null ? null : instant(start, "start");
    Instant e = end == null ? null : instant(end, "end");
    Duration length = window == null ? null : Durations.parsePositive(window, "window");
    if (s != null && e != null && length != null) {
      throw new InvalidInputException(
          "give at most two of start, end and window (got all three: start="
              + start
              + ", end="
              + end
              + ", window="
              + window
              + ")");
    }
    if (s == null && e == null) {
      e = now;
      s = now.minus(length != null ? length : policy.defaultWindow());
    } else if (s == null) {
      s = e.minus(length != null ? length : policy.defaultWindow());
    } else if (e == null) {
      e = length != null ? s.plus(length) : now;
      if (length == null && !s.isBefore(e)) {
        throw new InvalidInputException(
            "start " + start + " is not in the past; give end or window too");
      }
    }
    if (!s.isBefore(e)) {
      throw new InvalidInputException("window start " + s + " must be before its end " + e);
    }
    Instant latest = now.plus(policy.maxFutureSkew());
    if (s.isAfter(latest)) {
      throw new InvalidInputException(
          "window start " + s + " is in the future (now is " + now + ")");
    }
    if (e.isAfter(latest)) {
      throw new InvalidInputException(
          "window end "
              + e
              + " is more than "
              + Durations.format(policy.maxFutureSkew())
              + " in the future (now is "
              + now
              + ")");
    }
    Duration actual = Duration.between(s, e);
    if (actual.compareTo(policy.maxWindow()) > 0) {
      throw new InvalidInputException(
          "window of "
              + Durations.format(actual)
              + " is longer than the maximum of "
              + Durations.format(policy.maxWindow())
              + "; narrow start/end/window");
    }
    return new TimeWindow(s, e);
  }

  private static Instant instant(String text, String what) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException ex) {
      throw new InvalidInputException(
          what
              + " \""
              + Printable.of(text)
              + "\" is not an RFC 3339 time such as 2026-11-25T10:00:00Z");
    }
  }
}
