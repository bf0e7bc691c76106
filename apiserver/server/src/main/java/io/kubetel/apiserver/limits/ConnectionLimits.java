package io.kubetel.apiserver.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The connection-level bounds against slow and numerous clients, set by the flags of {@code
 * LimitFlags} (defaults here, documented in {@code docs/security.md}, "Hard bounds on work").
 *
 * @param requestReadTimeout how long a client may take to deliver a request head (from the TLS
 *     handshake for the first request, from its first byte for later ones on a kept-alive
 *     connection) and then, separately, the request body; past it the connection is closed
 * @param maxConnectionsPerClient open connections one client address may hold; connections
 *     presenting the front-proxy certificate (kube-apiserver's aggregator) are not counted here
 * @param maxConnections open connections in total, front proxy included
 */
public record ConnectionLimits(
    Duration requestReadTimeout, int maxConnectionsPerClient, int maxConnections) {

  /** Default of {@code --request-read-timeout}. */
  public static final String REQUEST_READ_TIMEOUT = "10s";

  /** Default of {@code --max-connections-per-client}. */
  public static final int MAX_CONNECTIONS_PER_CLIENT = 128;

  /**
   * Default of {@code --max-connections}: room for every watch ({@code --max-watches}) and more.
   */
  public static final int MAX_CONNECTIONS = 2048;

  /** The limits of a server started without connection flags. */
  public static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(Duration.ofSeconds(10), MAX_CONNECTIONS_PER_CLIENT, MAX_CONNECTIONS);

  public ConnectionLimits {
    Objects.requireNonNull(requestReadTimeout, "requestReadTimeout");
    if (requestReadTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("--request-read-timeout must be at least 1s");
    }
    if (maxConnectionsPerClient < 1 || maxConnections < 1) {
      throw new IllegalArgumentException(
          "--max-connections-per-client and --max-connections must be positive");
    }
  }
}
