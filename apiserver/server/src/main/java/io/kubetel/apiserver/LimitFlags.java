package io.kubetel.apiserver;

import io.kubetel.apiserver.limits.ConnectionLimits;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The command-line flags of the hard bounds, mixed into {@link ApiServerMain}: request and
 * connection limits ({@link ServerLimits}) and the per-query ClickHouse bounds ({@link
 * ClickHouseSettings}; in the root package, the one that may name the store), and the connection
 * limits against slow and numerous clients ({@link ConnectionLimits}). Defaults are the constants
 * of those classes.
 */
public final class LimitFlags {
  @Option(
      names = "--request-timeout",
      defaultValue = ServerLimits.REQUEST_TIMEOUT,
      description = "Deadline of every request but watches; past it a 504 Timeout Status.")
  Duration requestTimeout;

  @Option(
      names = "--max-rows-per-request",
      defaultValue = "" + ServerLimits.MAX_ROWS_PER_REQUEST,
      description =
          "Rows one request may receive from storage over all its pages (a 400 Status past it).")
  long maxRowsPerRequest;

  @Option(
      names = "--max-watches-per-user",
      defaultValue = "" + ServerLimits.MAX_WATCHES_PER_USER,
      description = "Open watches per user; more are 429 TooManyRequests.")
  int maxWatchesPerUser;

  @Option(
      names = "--max-watches",
      defaultValue = "" + ServerLimits.MAX_WATCHES,
      description = "Open watches in total; more are 429 TooManyRequests.")
  int maxWatches;

  @Option(
      names = "--http-idle-timeout",
      defaultValue = ServerLimits.IDLE_TIMEOUT,
      description =
          "Close connections with no traffic for this long (quiet watches send a"
              + " keep-alive newline).")
  Duration idleTimeout;

  @Option(
      names = "--max-url-bytes",
      defaultValue = "" + ServerLimits.MAX_URL_BYTES,
      description = "Longest request line (URL with selectors); longer is a 414 Status.")
  int maxUrlBytes;

  @Option(
      names = "--max-header-bytes",
      defaultValue = "" + ServerLimits.MAX_HEADER_BYTES,
      description = "Most bytes of request headers; more is a 431 Status.")
  int maxHeaderBytes;

  @Option(
      names = "--clickhouse-max-execution-time",
      defaultValue = "30s",
      description = "ClickHouse max_execution_time of every query (whole seconds).")
  Duration clickhouseMaxExecutionTime;

  @Option(
      names = "--clickhouse-max-rows-to-read",
      defaultValue = "" + ClickHouseSettings.DEFAULT_MAX_ROWS_TO_READ,
      description = "ClickHouse max_rows_to_read of every query.")
  long clickhouseMaxRowsToRead;

  @Option(
      names = "--clickhouse-max-result-rows",
      defaultValue = "" + ClickHouseSettings.DEFAULT_MAX_RESULT_ROWS,
      description = "ClickHouse max_result_rows of every query.")
  long clickhouseMaxResultRows;

  @Option(
      names = "--clickhouse-max-response-bytes",
      defaultValue = "" + ClickHouseSettings.DEFAULT_MAX_RESPONSE_BYTES,
      description = "Most bytes of one ClickHouse response held in memory (a 400 Status past it).")
  long clickhouseMaxResponseBytes;

  /** The request and connection limits. */
  public ServerLimits limits() {
    return new ServerLimits(
        requestTimeout,
        maxRowsPerRequest,
        maxWatchesPerUser,
        maxWatches,
        idleTimeout,
        maxUrlBytes,
        maxHeaderBytes,
        ServerLimits.MAX_PROBE_BODY_BYTES);
  }

  /** {@code settings} with the per-query bounds of these flags. */
  public ClickHouseSettings applyTo(ClickHouseSettings settings) {
    return settings
        .withLimits(clickhouseMaxExecutionTime, clickhouseMaxResultRows, clickhouseMaxRowsToRead)
        .withMaxResponseBytes(clickhouseMaxResponseBytes);
  }

  // Connection limits (slow requests, connections per client and in total).

  @Option(
      names = "--request-read-timeout",
      defaultValue = ConnectionLimits.REQUEST_READ_TIMEOUT,
      description =
          "Longest a client may take to send a request head, and then its body; past it the"
              + " connection is closed (slowloris protection).")
  Duration requestReadTimeout;

  @Option(
      names = "--max-connections-per-client",
      defaultValue = "" + ConnectionLimits.MAX_CONNECTIONS_PER_CLIENT,
      description =
          "Open connections per client address (the front proxy's are not counted); more are"
              + " answered 429 and closed.")
  int maxConnectionsPerClient;

  @Option(
      names = "--max-connections",
      defaultValue = "" + ConnectionLimits.MAX_CONNECTIONS,
      description = "Open connections in total; more are answered 503 and closed.")
  int maxConnections;

  /** The connection limits. */
  public ConnectionLimits connectionLimits() {
    return new ConnectionLimits(requestReadTimeout, maxConnectionsPerClient, maxConnections);
  }
}
