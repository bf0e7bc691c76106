package io.kubetel.apiserver.cache;

import io.kubetel.model.duration.Durations;
import java.time.Duration;

/**
 * How the result cache in front of the telemetry store behaves ({@code --result-cache*} flags) and
 * whether watches of one selector share their storage poll ({@code --watch-shared-polls}).
 *
 * @param enabled whether reads go through the cache (and identical concurrent reads are coalesced)
 * @param maxBytes the most the cached results may weigh, in approximate bytes of their Java objects
 * @param ttl how long a result of a window that ends near now is kept (also bounded by its bucket)
 * @param bucket the size of the time slots relative windows snap to: requests whose window has the
 *     same length and ends in the same slot share one result
 * @param pastTtl how long a result of a window that ended more than {@link #pastAfter()} ago is
 *     kept
 * @param sharedWatchPolls whether watches of the same tenant, resource and selectors share one poll
 */
public record ResultCacheSettings(
    boolean enabled,
    long maxBytes,
    Duration ttl,
    Duration bucket,
    Duration pastTtl,
    boolean sharedWatchPolls) {

  /** Default of {@code --result-cache-max-bytes}: 64 MiB. */
  public static final String MAX_BYTES = "67108864";

  /** Default of {@code --result-cache-ttl}. */
  public static final String TTL = "5s";

  /** Default of {@code --result-cache-bucket}. */
  public static final String BUCKET = "5s";

  /** Default of {@code --result-cache-past-ttl}. */
  public static final String PAST_TTL = "2m";

  /**
   * A window ending at least this long ago is "in the past": late data rarely lands there, so its
   * result is kept for {@link #pastTtl()} under its exact bounds instead of a bucket.
   */
  private static final Duration PAST_AFTER = Duration.ofMinutes(1);

  /** The defaults: cache on, watch polls shared. */
  public static final ResultCacheSettings DEFAULTS =
      new ResultCacheSettings(
          true,
          Long.parseLong(MAX_BYTES),
          Durations.parse(TTL),
          Durations.parse(BUCKET),
          Durations.parse(PAST_TTL),
          true);

  /** No cache, no shared watch polls: every read goes to storage (tests, benchmarks' baseline). */
  public static final ResultCacheSettings OFF =
      new ResultCacheSettings(
          false, DEFAULTS.maxBytes, DEFAULTS.ttl, DEFAULTS.bucket, DEFAULTS.pastTtl, false);

  public ResultCacheSettings {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("--result-cache-max-bytes must be positive");
    }
    requirePositive(ttl, "--result-cache-ttl");
    requirePositive(bucket, "--result-cache-bucket");
    requirePositive(pastTtl, "--result-cache-past-ttl");
  }

  /** How long ago a window must have ended to be cached as a past window. */
  public Duration pastAfter() {
    return bucket.compareTo(PAST_AFTER) > 0 ? bucket : PAST_AFTER;
  }

  private static void requirePositive(Duration value, String flag) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(flag + " must be a positive duration");
    }
  }
}
