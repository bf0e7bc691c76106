package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open watches per user and in total. A watch takes a slot before it starts and gives it
 * back when its response ends or its connection closes; beyond either limit the watch is refused
 * with 429 TooManyRequests (with {@code Retry-After}, so informers back off and retry).
 */
public final class WatchLimiter {
  /** Context key. */
  static final String KEY = "kubetel.watchLimiter";

  private static final int RETRY_AFTER_SECONDS = 10;

  private final int perUser;
  private final int total;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> byUser = new ConcurrentHashMap<>();

  public WatchLimiter(int perUser, int total) {
    this.perUser = perUser;
    this.total = total;
  }

  /**
   * Takes a slot for the watch of {@code context} by {@code user} (null: anonymous), released when
   * the request ends. Without a limiter in the context (unit tests without the router) it does
   * nothing.
   *
   * @throws ApiException 429 when the user or the server holds too many watches
   */
  public static void acquire(RoutingContext context, String user) {
    WatchLimiter limiter = context.get(KEY);
    if (limiter == null) {
      return;
    }
    String who = user == null ? "" : user;
    limiter.take(who);
    context.addEndHandler(done -> limiter.release(who));
  }

  void take(String user) {
    if (open.incrementAndGet() > total) {
      open.decrementAndGet();
      throw ApiException.tooManyRequests(
          "too many open watches on this server (--max-watches=" + total + "); try again later",
          RETRY_AFTER_SECONDS);
    }
    boolean[] refused = {false};
    byUser.compute(
        user,
        (k, n) -> {
          int next = n == null ? 1 : n + 1;
          if (next > perUser) {
            refused[0] = true;
            return n;
          }
          return next;
        });
    if (refused[0]) {
      open.decrementAndGet();
      throw ApiException.tooManyRequests(
          "too many open watches for user \""
              + user
              + "\" (--max-watches-per-user="
              + perUser
              + "); close some watches",
          RETRY_AFTER_SECONDS);
    }
  }

  void release(String user) {
    byUser.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
    open.decrementAndGet();
  }

  /** Watches open now. */
  public int open() {
    return open.get();
  }
}
