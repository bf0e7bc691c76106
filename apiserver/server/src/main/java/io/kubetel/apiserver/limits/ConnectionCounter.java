package io.kubetel.apiserver.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections per client address and in total, and admits a new one only while both
 * stay within their limits. Thread-safe: connections of one server are spread over several event
 * loops. Never blocks.
 */
public final class ConnectionCounter {
  /** Whether a connection may stay open, and if not, which limit it hit. */
  public enum Admission {
    ADMITTED,
    PER_CLIENT,
    TOTAL
  }

  private final int maxPerClient;
  private final int maxTotal;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

  public ConnectionCounter(int maxPerClient, int maxTotal) {
    this.maxPerClient = maxPerClient;
    this.maxTotal = maxTotal;
  }

  /**
   * Counts a new connection of {@code client} if both limits allow it; {@code exempt} connections
   * (the front proxy) count towards the total only. Every admitted connection must be {@link
   * #release released} exactly once.
   */
  public Admission tryAcquire(String client, boolean exempt) {
    int now = total.incrementAndGet();
    if (now > maxTotal) {
      total.decrementAndGet();
      return Admission.TOTAL;
    }
    if (exempt) {
      return Admission.ADMITTED;
    }
    boolean[] admitted = {false};
    perClient.compute(
        client,
        (key, open) -> {
          int current = open == null ? 0 : open;
          if (current >= maxPerClient) {
            return open;
          }
          admitted[0] = true;
          return current + 1;
        });
    if (!admitted[0]) {
      total.decrementAndGet();
      return Admission.PER_CLIENT;
    }
    return Admission.ADMITTED;
  }

  /** Forgets an admitted connection. */
  public void release(String client, boolean exempt) {
    total.decrementAndGet();
    if (!exempt) {
      perClient.computeIfPresent(client, (key, open) -> open <= 1 ? null : open - 1);
    }
  }

  /** Open connections in total. */
  public int open() {
    return total.get();
  }

  /** Open connections of {@code client} that count towards its limit. */
  public int open(String client) {
    return perClient.getOrDefault(client, 0);
  }
}
