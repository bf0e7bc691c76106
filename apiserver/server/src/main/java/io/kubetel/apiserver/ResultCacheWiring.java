package io.kubetel.apiserver;

import io.kubetel.apiserver.cache.CacheScope;
import io.kubetel.apiserver.cache.CachingTelemetryStore;
import io.kubetel.apiserver.cache.QueryKeys;
import io.kubetel.apiserver.cache.ResultCache;
import io.kubetel.apiserver.cache.ResultCacheMetrics;
import io.kubetel.apiserver.cache.ResultCacheSettings;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.resource.WatchSharing;
import io.kubetel.apiserver.watch.SharedWatchPolls;
import io.kubetel.model.store.TelemetryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the composition root: puts the result cache ({@link CachingTelemetryStore}) in front of
 * the store the telemetry handlers read (the tenant routing store when tenancy is on) and builds
 * the shared watch polls, as {@code --result-cache*} and {@code --watch-shared-polls} say.
 */
final class ResultCacheWiring {
  private static final Logger log = LoggerFactory.getLogger(ResultCacheWiring.class);

  private ResultCacheWiring() {}

  /**
   * Where the telemetry resources read.
   *
   * @param store the store handlers read today (tenant routing or the server's own)
   * @param scope whose data a namespace's reads return
   */
  static TelemetryResources.Reads reads(
      ResultCacheSettings settings,
      TelemetryStore store,
      CacheScope scope,
      Vertx vertx,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings resources,
      MeterRegistry registry) {
    TelemetryStore reads = store;
    if (settings.enabled()) {
      ResultCache cache = new ResultCache(settings, new ResultCacheMetrics(registry));
      reads = new CachingTelemetryStore(store, cache, scope, new QueryKeys(clock, settings));
    } else {
      log.info("event=result_cache_off");
    }
    Optional<WatchSharing> sharing = Optional.empty();
    if (settings.sharedWatchPolls()) {
      sharing =
          Optional.of(
              new WatchSharing(
                  new SharedWatchPolls(
                      vertx,
                      workers,
                      clock,
                      resources.watchPollInterval(),
                      resources.watchHorizon(),
                      registry),
                  scope));
    }
    log.info(
        "event=watch_polls shared={} interval_ms={}",
        settings.sharedWatchPolls(),
        resources.watchPollInterval().toMillis());
    return new TelemetryResources.Reads(reads, store, sharing);
  }
}
