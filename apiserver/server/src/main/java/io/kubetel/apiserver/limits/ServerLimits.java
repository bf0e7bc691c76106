package io.kubetel.apiserver.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard bounds on the work one request or client may cause, set by the flags of {@link
 * LimitFlags} (their defaults are the constants here, documented in {@code docs/security.md}).
 *
 * @param requestTimeout deadline of every request but watches (which have their own timeout); past
 *     it the answer is a 504 Timeout Status and paging stops
 * @param maxRowsPerRequest rows one request may receive from storage over all the pages it reads
 *     (before in-memory filtering); past it a 400 Status asks to narrow the request
 * @param maxWatchesPerUser open watches one user may hold; more are 429 TooManyRequests
 * @param maxWatches open watches in total; more are 429 TooManyRequests
 * @param idleTimeout a connection with no traffic for this long is closed (at least a minute: quiet
 *     watches write a keep-alive newline every 30 seconds)
 * @param maxUrlBytes longest request line (method, URL with query, version); longer is a 414 Status
 * @param maxHeaderBytes most bytes of all request headers; more is a 431 Status
 * @param maxProbeBodyBytes largest body accepted on the unauthenticated probe paths (checked before
 *     authentication; every other path checks its body limit after authentication)
 */
public record ServerLimits(
    Duration requestTimeout,
    long maxRowsPerRequest,
    int maxWatchesPerUser,
    int maxWatches,
    Duration idleTimeout,
    int maxUrlBytes,
    int maxHeaderBytes,
    int maxProbeBodyBytes) {

  /** Default of {@code --request-timeout} (kube-apiserver's default too). */
  public static final String REQUEST_TIMEOUT = "1m";

  /** Default of {@code --max-rows-per-request}. */
  public static final long MAX_ROWS_PER_REQUEST = 1_000_000;

  /** Default of {@code --max-watches-per-user}. */
  public static final int MAX_WATCHES_PER_USER = 50;

  /** Default of {@code --max-watches}. */
  public static final int MAX_WATCHES = 1_000;

  /** Default of {@code --http-idle-timeout}. */
  public static final String IDLE_TIMEOUT = "5m";

  /** Default of {@code --max-url-bytes}: label selectors of many KB fit, as in kube-apiserver. */
  public static final int MAX_URL_BYTES = 128 * 1024;

  /** Default of {@code --max-header-bytes}. */
  public static final int MAX_HEADER_BYTES = 256 * 1024;

  /** Bodies on {@code /livez} and {@code /readyz}: probes send none. */
  public static final int MAX_PROBE_BODY_BYTES = 1024;

  /** The limits of a server started without limit flags. */
  public static final ServerLimits DEFAULTS =
      new ServerLimits(
          Duration.ofMinutes(1),
          MAX_ROWS_PER_REQUEST,
          MAX_WATCHES_PER_USER,
          MAX_WATCHES,
          Duration.ofMinutes(5),
          MAX_URL_BYTES,
          MAX_HEADER_BYTES,
          MAX_PROBE_BODY_BYTES);

  public ServerLimits {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("--request-timeout must be a positive duration");
    }
    if (idleTimeout.toSeconds() < 60) {
      // Quiet watches write a keep-alive every 30s; a shorter idle timeout would cut them.
      throw new IllegalArgumentException("--http-idle-timeout must be at least 1m");
    }
    if (maxRowsPerRequest < 1 || maxWatchesPerUser < 1 || maxWatches < 1) {
      throw new IllegalArgumentException(
          "--max-rows-per-request, --max-watches-per-user and --max-watches must be positive");
    }
    if (maxUrlBytes < 1024 || maxHeaderBytes < 1024) {
      throw new IllegalArgumentException(
          "--max-url-bytes and --max-header-bytes must be at least 1024");
    }
    if (maxProbeBodyBytes < 0) {
      throw new IllegalArgumentException("the probe body limit must not be negative");
    }
  }

  /** A copy with another request timeout and rows budget (tests hit them on purpose). */
  public ServerLimits withWork(Duration timeout, long rows) {
    return new ServerLimits(
        timeout,
        rows,
        maxWatchesPerUser,
        maxWatches,
        idleTimeout,
        maxUrlBytes,
        maxHeaderBytes,
        maxProbeBodyBytes);
  }

  /** A copy with other watch limits. */
  public ServerLimits withWatches(int perUser, int total) {
    return new ServerLimits(
        requestTimeout,
        maxRowsPerRequest,
        perUser,
        total,
        idleTimeout,
        maxUrlBytes,
        maxHeaderBytes,
        maxProbeBodyBytes);
  }
}
