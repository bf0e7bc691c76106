package io.kubetel.apiserver.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.kubetel.model.store.ReadAbandonedException;
import io.kubetel.model.store.ReadScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The result cache itself: weight bound and eviction, expiry, coalescing, errors. */
class ResultCacheTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ResultCacheMetrics metrics = new ResultCacheMetrics(registry);
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static CacheKey key(int n) {
    return new CacheKey("t", "listLogs", List.of(n), new CacheKey.TimeSlot(false, 900_000, 1));
  }

  static ResultCacheSettings settings(long maxBytes) {
    ResultCacheSettings d = ResultCacheSettings.DEFAULTS;
    return new ResultCacheSettings(true, maxBytes, d.ttl(), d.bucket(), d.pastTtl(), true);
  }

  /** A result of about {@code chars} bytes. */
  static List<String> result(int n, int chars) {
    return List.of(String.valueOf(n).repeat(chars));
  }

  @Test
  void weightIsBoundedAndEvictionsAreCounted() {
    ResultCache cache = new ResultCache(settings(100_000), metrics, ticker);
    for (int i = 0; i < 50; i++) {
      int n = i;
      cache.get(key(i), () -> result(n, 10_000));
    }
    cache.cleanUp();
    assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(100_000);
    assertThat(cache.entries()).isBetween(1L, 10L);
    assertThat(
            registry
                .get("kubetel.apiserver.result.cache.evictions")
                .tag("cause", "size")
                .counter()
                .count())
        .isEqualTo(50 - cache.entries());
    assertThat(registry.get("kubetel.apiserver.result.cache.weight").gauge().value())
        .isEqualTo(cache.weight());
    assertThat(registry.get("kubetel.apiserver.result.cache.entries").gauge().value())
        .isEqualTo(cache.entries());
  }

  @Test
  void aLargerResultWeighsMore() {
    assertThat(ResultWeigher.weigh(result(1, 100_000)))
        .isGreaterThan(100 * ResultWeigher.weigh(result(1, 100)));
  }

  @Test
  void liveResultsExpireAfterTheTtlAndPastOnesAfterThePastTtl() {
    ResultCache cache = new ResultCache(settings(1 << 20), metrics, ticker);
    AtomicInteger reads = new AtomicInteger();
    CacheKey live = key(1);
    CacheKey past = new CacheKey("t", "listLogs", List.of(1), new CacheKey.TimeSlot(true, 0, 1));
    cache.get(live, reads::incrementAndGet);
    cache.get(past, reads::incrementAndGet);
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    cache.get(live, reads::incrementAndGet);
    assertThat(reads).hasValue(2);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos()); // 6 s: past the 5 s TTL
    cache.get(live, reads::incrementAndGet);
    cache.get(past, reads::incrementAndGet);
    assertThat(reads).hasValue(3);
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    cache.get(past, reads::incrementAndGet);
    assertThat(reads).hasValue(4);
    assertThat(metrics.hits()).isEqualTo(2);
    assertThat(metrics.misses()).isEqualTo(4);
  }

  @Test
  void identicalConcurrentReadsRunOnceAndEachGetsTheWholeAnswer() throws Exception {
    ResultCache cache = new ResultCache(settings(1 << 20), metrics, ticker);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger reads = new AtomicInteger();
    List<String> answer = IntStream.range(0, 1000).mapToObj(i -> "row-" + i).toList();
    int n = 8;
    List<Future<List<String>>> calls = new ArrayList<>();
    calls.add(
        blockedLeader(
            cache,
            key(7),
            release,
            () -> {
              reads.incrementAndGet();
              return answer;
            }));
    for (int i = 1; i < n; i++) {
      calls.add(pool.submit(() -> cache.get(key(7), () -> failTest())));
    }
    // Every waiter is parked on the leader's read before it is released.
    awaitCoalesced(n - 1);
    assertThat(metrics.coalescedReads()).isEqualTo(n - 1);
    release.countDown();
    for (Future<List<String>> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(answer);
    }
    assertThat(reads).hasValue(1);
    assertThat(metrics.misses()).isEqualTo(1);
    assertThat(metrics.hits()).isZero();
    List<String> again = cache.get(key(7), ResultCacheTest::failTest);
    assertThat(again).isEqualTo(answer);
    assertThat(metrics.hits()).isEqualTo(1);
  }

  @Test
  void errorsAreNeverCachedButGoToTheWaitersOfThatRead() throws Exception {
    ResultCache cache = new ResultCache(settings(1 << 20), metrics, ticker);
    CountDownLatch release = new CountDownLatch(1);
    Future<Object> leader =
        blockedLeader(
            cache,
            key(3),
            release,
            () -> {
              throw new IllegalStateException("storage down");
            });
    Future<Object> waiter = pool.submit(() -> cache.get(key(3), () -> failTest()));
    awaitCoalesced(1);
    release.countDown();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (Future<Object> f : List.of(leader, waiter)) {
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        errors.add(e.getCause());
      }
    }
    assertThat(errors)
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("storage down"));
    // The next read goes to storage again, and its success is cached.
    AtomicInteger reads = new AtomicInteger();
    assertThat(cache.get(key(3), reads::incrementAndGet)).isEqualTo(1);
    assertThat(cache.get(key(3), reads::incrementAndGet)).isEqualTo(1);
    assertThat(reads).hasValue(1);
    assertThatThrownBy(
            () ->
                cache.get(
                    key(4),
                    () -> {
                      throw new IllegalArgumentException("bad");
                    }))
        .hasMessage("bad");
    cache.cleanUp();
    assertThat(cache.entries()).isEqualTo(1);
  }

  @Test
  void aWaiterReadsAgainWhenTheReadItWaitedOnWasAbandonedByItsOwnRequest() throws Exception {
    ResultCache cache = new ResultCache(settings(1 << 20), metrics, ticker);
    CountDownLatch release = new CountDownLatch(1);
    Future<Object> leader =
        blockedLeader(
            cache,
            key(5),
            release,
            () -> {
              throw new ReadAbandonedException(null); // its client left
            });
    AtomicInteger rereads = new AtomicInteger();
    ReadScope live = new ReadScope(java.time.Clock.systemUTC(), java.time.Instant.MAX);
    Future<Object> waiter =
        pool.submit(() -> live.call(() -> cache.get(key(5), () -> rereads.incrementAndGet())));
    ReadScope over = new ReadScope(java.time.Clock.systemUTC(), java.time.Instant.MAX);
    over.cancel();
    Future<Object> gone = pool.submit(() -> over.call(() -> cache.get(key(5), () -> failTest())));
    awaitCoalesced(2);

    release.countDown();

    assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ReadAbandonedException.class);
    assertThat(waiter.get(10, TimeUnit.SECONDS)).as("read again, not inherited").isEqualTo(1);
    assertThat(rereads).hasValue(1);
    assertThatThrownBy(() -> gone.get(10, TimeUnit.SECONDS))
        .as("a waiter that gave up itself keeps the abandonment")
        .hasCauseInstanceOf(ReadAbandonedException.class);
  }

  /**
   * Starts the read of {@code key} that identical reads coalesce onto: it blocks until {@code
   * release} opens, then answers with {@code answer}; returns once the read is running.
   */
  private <T> Future<T> blockedLeader(
      ResultCache cache, CacheKey key, CountDownLatch release, Supplier<T> answer)
      throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    Future<T> leader =
        pool.submit(
            () ->
                cache.get(
                    key,
                    () -> {
                      entered.countDown();
                      await(release);
                      return answer.get();
                    }));
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("the leader's read started").isTrue();
    return leader;
  }

  /** Waits (10 s at most) until {@code n} reads joined a read in flight. */
  private void awaitCoalesced(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (metrics.coalescedReads() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  static <T> T failTest() {
    throw new AssertionError("a waiter must not read storage");
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
