package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.WindowPolicy;
import io.kubetel.model.duration.Durations;
import java.time.Duration;

/**
 * The part of the server configuration the telemetry resources receive: read windows, paging and
 * watch tunables. Three come from flags ({@code --default-window}, {@code --max-window}, {@code
 * --watch-poll-interval}); their defaults are defined here once, as the flags' default text, and
 * the rest are fixed in {@link #of}.
 *
 * @param defaultWindow read window when a request names none
 * @param maxWindow longest window a request may ask for
 * @param maxFutureSkew how far in the future a window may end (client clock skew)
 * @param pageSize page size when a list has no {@code limit}; more items come with {@code continue}
 * @param continueTtl age after which a continue token is 410 Expired
 * @param watchPollInterval how often a watch polls storage for new data
 * @param watchHorizon oldest resourceVersion a watch may start from (older is 410 Expired)
 * @param watchLatenessGrace how far before the last poll each poll looks again, for late data
 * @param watchMaxTimeout longest a watch stays open (and the default when timeoutSeconds is absent)
 * @param watchBookmarkInterval how often a quiet watch sends a BOOKMARK when bookmarks are allowed
 */
public record ResourceSettings(
    Duration defaultWindow,
    Duration maxWindow,
    Duration maxFutureSkew,
    int pageSize,
    Duration continueTtl,
    Duration watchPollInterval,
    Duration watchHorizon,
    Duration watchLatenessGrace,
    Duration watchMaxTimeout,
    Duration watchBookmarkInterval) {

  /** Default of {@code --default-window}. */
  public static final String DEFAULT_WINDOW = "15m";

  /** Default of {@code --max-window}. */
  public static final String MAX_WINDOW = "7d";

  /** Default of {@code --watch-poll-interval}. */
  public static final String WATCH_POLL_INTERVAL = "2s";

  /** The settings of a server started without window or watch flags. */
  public static final ResourceSettings DEFAULTS =
      of(
          Durations.parse(DEFAULT_WINDOW),
          Durations.parse(MAX_WINDOW),
          Durations.parse(WATCH_POLL_INTERVAL));

  public ResourceSettings {
    requirePositive(defaultWindow, "--default-window");
    requirePositive(maxWindow, "--max-window");
    requirePositive(watchPollInterval, "--watch-poll-interval");
    if (defaultWindow.compareTo(maxWindow) > 0) {
      throw new IllegalArgumentException("--default-window must not exceed --max-window");
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be from 1 to 10000");
    }
  }

  /** The settings for these flag values; every other tunable has its one fixed value here. */
  public static ResourceSettings of(
      Duration defaultWindow, Duration maxWindow, Duration watchPollInterval) {
    return new ResourceSettings(
        defaultWindow,
        maxWindow,
        Duration.ofMinutes(5),
        500,
        Duration.ofMinutes(15),
        watchPollInterval,
        Duration.ofHours(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofMinutes(1));
  }

  private static void requirePositive(Duration value, String flag) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(flag + " must be a positive duration");
    }
  }

  /** The window bounds as a policy. */
  public WindowPolicy windowPolicy() {
    return new WindowPolicy(defaultWindow, maxWindow, maxFutureSkew);
  }

  /**
   * A copy whose default window is at least {@code window} (capped by the maximum): for resources
   * of rare events, such as anomalies, that a 15-minute default would mostly hide.
   */
  public ResourceSettings withDefaultWindowAtLeast(Duration window) {
    Duration longer = window.compareTo(defaultWindow) > 0 ? window : defaultWindow;
    return new ResourceSettings(
        longer.compareTo(maxWindow) > 0 ? maxWindow : longer,
        maxWindow,
        maxFutureSkew,
        pageSize,
        continueTtl,
        watchPollInterval,
        watchHorizon,
        watchLatenessGrace,
        watchMaxTimeout,
        watchBookmarkInterval);
  }

  /** A copy with another default page size (tests page through small data sets). */
  public ResourceSettings withPageSize(int size) {
    return new ResourceSettings(
        defaultWindow,
        maxWindow,
        maxFutureSkew,
        size,
        continueTtl,
        watchPollInterval,
        watchHorizon,
        watchLatenessGrace,
        watchMaxTimeout,
        watchBookmarkInterval);
  }

  /** A copy with other watch intervals (tests watch without waiting seconds). */
  public ResourceSettings withWatch(Duration pollInterval, Duration bookmarkInterval) {
    return new ResourceSettings(
        defaultWindow,
        maxWindow,
        maxFutureSkew,
        pageSize,
        continueTtl,
        pollInterval,
        watchHorizon,
        watchLatenessGrace,
        watchMaxTimeout,
        bookmarkInterval);
  }
}
