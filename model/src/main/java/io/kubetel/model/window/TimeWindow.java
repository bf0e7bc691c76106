package io.kubetel.model.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time range {@code [start, end)} that every telemetry read is bounded by.
 *
 * <p>Reads are always windowed so that no request can scan a table's whole history.
 */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " must be before end " + end);
    }
  }

  /** The window of the given length that ends at {@code end}. */
  public static TimeWindow endingAt(Instant end, Duration length) {
    return new TimeWindow(end.minus(length), end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
