package io.kubetel.apiserver.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The result cache's meters on {@code /metrics}: {@code kubetel_apiserver_result_cache_hits_total},
 * {@code _misses_total} (reads that went to storage), {@code _coalesced_total} (reads that waited
 * on an identical one in flight instead of querying), {@code _evictions_total{cause}} ({@code size}
 * or {@code expired}), and the gauges {@code _entries} and {@code _weight_bytes}.
 */
public final class ResultCacheMetrics {
  private static final String PREFIX = "kubetel.apiserver.result.cache";

  private final MeterRegistry registry;
  private final Counter hits;
  private final Counter misses;
  private final Counter coalesced;

  public ResultCacheMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.hits =
        Counter.builder(PREFIX + ".hits")
            .description("Telemetry reads answered from the result cache")
            .register(registry);
    this.misses =
        Counter.builder(PREFIX + ".misses")
            .description("Telemetry reads the result cache sent to storage")
            .register(registry);
    this.coalesced =
        Counter.builder(PREFIX + ".coalesced")
            .description("Telemetry reads that waited on an identical read in flight")
            .register(registry);
  }

  /** Publishes the size gauges of {@code cache}. */
  void bind(ResultCache cache) {
    Gauge.builder(PREFIX + ".entries", cache, ResultCache::entries)
        .description("Results held in the result cache")
        .register(registry);
    Gauge.builder(PREFIX + ".weight", cache, ResultCache::weight)
        .description("Approximate heap bytes of the results held in the result cache")
        .baseUnit("bytes")
        .register(registry);
  }

  void hit() {
    hits.increment();
  }

  void missed() {
    misses.increment();
  }

  void coalesced() {
    coalesced.increment();
  }

  void evicted(RemovalCause cause) {
    Counter.builder(PREFIX + ".evictions")
        .description("Results removed from the result cache by size or expiry")
        .tag("cause", cause.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** Reads answered from the cache so far. */
  public double hits() {
    return hits.count();
  }

  /** Reads sent to storage so far. */
  public double misses() {
    return misses.count();
  }

  /** Reads coalesced into an identical one so far. */
  public double coalescedReads() {
    return coalesced.count();
  }
}
