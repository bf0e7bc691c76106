package io.kubetel.apiserver.resource;

import io.kubetel.model.window.TimeWindow;
import java.time.Instant;

/**
 * The {@code status.window} of a served object: the time window its values were read over, as RFC
 * 3339 times with the full precision of the data.
 */
public record ObservedWindow(String start, String end) {

  /** The window {@code [start, end)}. */
  public static ObservedWindow of(Instant start, Instant end) {
    return new ObservedWindow(ApiJson.time(start), ApiJson.time(end));
  }

  /** The window of a read. */
  public static ObservedWindow of(TimeWindow window) {
    return of(window.start(), window.end());
  }
}
