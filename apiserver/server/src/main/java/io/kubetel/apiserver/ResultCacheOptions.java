package io.kubetel.apiserver;

import io.kubetel.apiserver.cache.ResultCacheSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --result-cache*} and {@code --watch-shared-polls} flags (a mixin of the main). */
final class ResultCacheOptions {
  @Option(
      names = "--result-cache",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Cache telemetry read results per tenant and coalesce identical concurrent reads into one"
              + " ClickHouse query (--no-result-cache: every request reads ClickHouse).")
  boolean enabled = true;

  @Option(
      names = "--result-cache-max-bytes",
      defaultValue = ResultCacheSettings.MAX_BYTES,
      description = "Most approximate heap bytes the cached results may hold (least valuable go).")
  long maxBytes;

  @Option(
      names = "--result-cache-ttl",
      defaultValue = ResultCacheSettings.TTL,
      converter = DurationConverter.class,
      description = "How long a result of a window ending near now is kept.")
  Duration ttl;

  @Option(
      names = "--result-cache-bucket",
      defaultValue = ResultCacheSettings.BUCKET,
      converter = DurationConverter.class,
      description =
          "Time slot relative windows snap to: requests of the same window length ending in the"
              + " same slot share one result (the most a cached answer lags behind now).")
  Duration bucket;

  @Option(
      names = "--result-cache-past-ttl",
      defaultValue = ResultCacheSettings.PAST_TTL,
      converter = DurationConverter.class,
      description = "How long a result of a window that ended over a minute ago is kept.")
  Duration pastTtl;

  @Option(
      names = "--watch-shared-polls",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Let watches of the same tenant, resource and selectors share one storage poll per"
              + " --watch-poll-interval.")
  boolean sharedWatchPolls = true;

  ResultCacheSettings settings() {
    return new ResultCacheSettings(enabled, maxBytes, ttl, bucket, pastTtl, sharedWatchPolls);
  }
}
