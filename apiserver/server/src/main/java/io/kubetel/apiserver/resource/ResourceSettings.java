package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.WindowPolicy;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Tunables of the telemetry resources, fixed at start-up by the composition root.
 *
 * @param defaultWindow read window when a request names none (last 15 minutes)
 * @param maxWindow longest window a request may ask for (7 days)
 * @param maxFutureSkew how far in the future a window may end (client clock skew)
 * @param pageSize page size when a list has no {@code limit}; more items come with {@code continue}
 * @param continueKey HMAC-SHA256 key for continue tokens (at least 32 bytes); all replicas behind
 *     one Service must share it, or a continue token issued by one fails on another
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
    byte[] continueKey,
    Duration continueTtl,
    Duration watchPollInterval,
    Duration watchHorizon,
    Duration watchLatenessGrace,
    Duration watchMaxTimeout,
    Duration watchBookmarkInterval) {

  public ResourceSettings {
    continueKey = continueKey.clone();
    if (continueKey.length < 32) {
      throw new IllegalArgumentException("continueKey must be at least 32 bytes");
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be from 1 to 10000");
    }
    if (watchPollInterval.isNegative() || watchPollInterval.isZero()) {
      throw new IllegalArgumentException("watchPollInterval must be positive");
    }
  }

  /** Defaults with the given continue-token key. */
  public static ResourceSettings defaults(byte[] continueKey) {
    return new ResourceSettings(
        Duration.ofMinutes(15),
        Duration.ofDays(7),
        Duration.ofMinutes(5),
        500,
        continueKey,
        Duration.ofMinutes(15),
        Duration.ofSeconds(2),
        Duration.ofHours(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofMinutes(1));
  }

  /** Defaults with a random per-process continue-token key (single replica). */
  public static ResourceSettings defaultsWithRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return defaults(key);
  }

  @Override
  public byte[] continueKey() {
    return continueKey.clone();
  }

  /** The window bounds as a policy. */
  public WindowPolicy windowPolicy() {
    return new WindowPolicy(defaultWindow, maxWindow, maxFutureSkew);
  }

  public ResourceSettings withPageSize(int size) {
    return new ResourceSettings(
        defaultWindow,
        maxWindow,
        maxFutureSkew,
        size,
        continueKey,
        continueTtl,
        watchPollInterval,
        watchHorizon,
        watchLatenessGrace,
        watchMaxTimeout,
        watchBookmarkInterval);
  }

  public ResourceSettings withWatch(Duration pollInterval, Duration bookmarkInterval) {
    return new ResourceSettings(
        defaultWindow,
        maxWindow,
        maxFutureSkew,
        pageSize,
        continueKey,
        continueTtl,
        pollInterval,
        watchHorizon,
        watchLatenessGrace,
        watchMaxTimeout,
        bookmarkInterval);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceSettings other
        && java.util.Arrays.equals(continueKey, other.continueKey)
        && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "ResourceSettings[defaultWindow="
        + defaultWindow
        + ", maxWindow="
        + maxWindow
        + ", maxFutureSkew="
        + maxFutureSkew
        + ", pageSize="
        + pageSize
        + ", continueTtl="
        + continueTtl
        + ", watchPollInterval="
        + watchPollInterval
        + ", watchHorizon="
        + watchHorizon
        + ", watchLatenessGrace="
        + watchLatenessGrace
        + ", watchMaxTimeout="
        + watchMaxTimeout
        + ", watchBookmarkInterval="
        + watchBookmarkInterval
        + "]";
  }
}
