package io.kubetel.apiserver.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.kubetel.model.store.ReadAbandonedException;
import io.kubetel.model.store.ReadScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result cache: completed store answers by {@link CacheKey}, bounded by their approximate
 * weight ({@link ResultWeigher}) and expiring after the TTL of their kind (live or past window).
 *
 * <p>Identical concurrent reads are coalesced: the first caller (the leader) runs the store call on
 * its own worker thread while the others wait on its future, so N identical uncached requests run
 * one ClickHouse query. A failed read is removed at once and its error given to the leader and its
 * waiters only: errors are never cached. Counts hits, misses, coalesced reads and evictions into
 * {@link ResultCacheMetrics}.
 */
public final class ResultCache {
  private static final Logger log = LoggerFactory.getLogger(ResultCache.class);

  /** Added to each entry's weight for its key and the cache's own bookkeeping. */
  private static final int ENTRY_OVERHEAD = 256;

  private final AsyncCache<CacheKey, Object> cache;
  private final ConcurrentMap<CacheKey, CompletableFuture<Object>> entries;
  private final ResultCacheMetrics metrics;

  public ResultCache(ResultCacheSettings settings, ResultCacheMetrics metrics) {
    this(settings, metrics, Ticker.systemTicker());
  }

  /** As above, with the ticker expiry reads (tests move time by hand). */
  ResultCache(ResultCacheSettings settings, ResultCacheMetrics metrics, Ticker ticker) {
    this.metrics = metrics;
    long liveNanos = settings.ttl().toNanos();
    long pastNanos = settings.pastTtl().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(settings.maxBytes())
            .weigher(
                (CacheKey key, Object value) ->
                    (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + ResultWeigher.weigh(value)))
            .expireAfter(
                new Expiry<CacheKey, Object>() {
                  @Override
                  public long expireAfterCreate(CacheKey key, Object value, long now) {
                    return key.past() ? pastNanos : liveNanos;
                  }

                  @Override
                  public long expireAfterUpdate(
                      CacheKey key, Object value, long now, long remaining) {
                    // An async entry is "updated" when its read completes: the TTL starts then.
                    return key.past() ? pastNanos : liveNanos;
                  }

                  @Override
                  public long expireAfterRead(
                      CacheKey key, Object value, long now, long remaining) {
                    return remaining;
                  }
                })
            .ticker(ticker)
            // Maintenance and the removal listener run on the calling worker thread: no extra pool.
            .executor(Runnable::run)
            .removalListener(
                (CacheKey key, Object value, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    metrics.evicted(cause);
                  }
                })
            .buildAsync();
    this.entries = cache.asMap();
    metrics.bind(this);
    log.info(
        "event=result_cache_started max_bytes={} ttl_ms={} past_ttl_ms={} bucket_ms={}",
        settings.maxBytes(),
        settings.ttl().toMillis(),
        settings.pastTtl().toMillis(),
        settings.bucket().toMillis());
  }

  /**
   * The cached answer for {@code key}, else the one an identical read in flight is producing, else
   * {@code read}'s (run on this thread and cached when it succeeds). Blocking: call on a worker.
   * When the read this request waited on was abandoned by its own request (client gone, deadline)
   * while this one still waits, this request reads again rather than inherit the cancellation.
   */
  public <V> V get(CacheKey key, Supplier<V> read) {
    while (true) {
      try {
        return getOnce(key, read);
      } catch (LeaderAbandoned e) {
        if (ReadScope.current().isOver()) {
          throw e.abandoned;
        }
        log.debug("event=result_cache_reread reason=leader_abandoned");
      }
    }
  }

  /** The read a waiter waited on was abandoned by the request that ran it. */
  private static final class LeaderAbandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ReadAbandonedException abandoned;

    LeaderAbandoned(ReadAbandonedException abandoned) {
      super(null, null, false, false);
      this.abandoned = abandoned;
    }
  }

  @SuppressWarnings("unchecked")
  private <V> V getOnce(CacheKey key, Supplier<V> read) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = cache.get(key, (k, executor) -> mine);
    if (existing == mine) {
      metrics.missed();
      V value;
      try {
        value = read.get();
      } catch (RuntimeException | Error e) {
        entries.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      mine.complete(value);
      return value;
    }
    if (existing.isDone() && !existing.isCompletedExceptionally()) {
      metrics.hit();
    } else {
      metrics.coalesced();
    }
    try {
      return (V) existing.join();
    } catch (CompletionException e) {
      // The leader's error, as the leader got it (a Status-mapped exception, a limit, ...).
      if (e.getCause() instanceof ReadAbandonedException abandoned) {
        throw new LeaderAbandoned(abandoned);
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Entries held (approximate: expired ones may still count until the next maintenance). */
  public long entries() {
    return cache.synchronous().estimatedSize();
  }

  /** The approximate bytes the held results weigh. */
  public long weight() {
    return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  /** Runs pending maintenance (expiry, eviction) now; tests call it before reading sizes. */
  public void cleanUp() {
    cache.synchronous().cleanUp();
  }
}
