package io.kubetel.apiserver.watch;

import io.kubetel.model.problem.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A watch request's parameters.
 *
 * @param since the {@code resourceVersion} as an instant (RV = epoch milliseconds of an as-of
 *     time); empty for {@code resourceVersion} absent or "0", which first sends every current
 *     object as ADDED
 * @param timeout how long the stream stays open
 * @param bookmarks whether BOOKMARK events may be sent ({@code allowWatchBookmarks=true})
 */
public record WatchOptions(Optional<Instant> since, Duration timeout, boolean bookmarks) {

  /** Whether the request asks for a watch ({@code watch=true} or {@code watch=1}). */
  public static boolean requested(Map<String, String> params) {
    String w = params.get("watch");
    return "true".equalsIgnoreCase(w) || "1".equals(w);
  }

  /**
   * Parses {@code resourceVersion}, {@code timeoutSeconds} and {@code allowWatchBookmarks}.
   *
   * @throws InvalidInputException for a non-numeric or negative resourceVersion or timeout
   */
  public static WatchOptions parse(Map<String, String> params, Duration maxTimeout) {
    String rv = params.get("resourceVersion");
    Optional<Instant> since = Optional.empty();
    if (rv != null && !rv.isEmpty() && !rv.equals("0")) {
      long millis;
      try {
        millis = Long.parseLong(rv);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "resourceVersion \""
                + rv
                + "\" is not valid: kubetel resource versions are"
                + " milliseconds since the epoch, as returned in metadata.resourceVersion");
      }
      if (millis < 0) {
        throw new InvalidInputException("resourceVersion " + rv + " must not be negative");
      }
      since = Optional.of(Instant.ofEpochMilli(millis));
    }
    Duration timeout = maxTimeout;
    String t = params.get("timeoutSeconds");
    if (t != null && !t.isEmpty()) {
      long seconds;
      try {
        seconds = Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("timeoutSeconds \"" + t + "\" must be a whole number");
      }
      if (seconds < 0) {
        throw new InvalidInputException("timeoutSeconds " + t + " must not be negative");
      }
      if (seconds > 0 && seconds < maxTimeout.toSeconds()) {
        timeout = Duration.ofSeconds(seconds);
      }
    }
    boolean bookmarks = "true".equalsIgnoreCase(params.get("allowWatchBookmarks"));
    return new WatchOptions(since, timeout, bookmarks);
  }
}
