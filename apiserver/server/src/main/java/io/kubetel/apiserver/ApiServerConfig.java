package io.kubetel.apiserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable API server settings, parsed once from flags and environment by {@link ApiServerMain}.
 *
 * <p>Either {@code standalone} (self-signed PKI and a kubeconfig under {@code stateDir}) or cluster
 * mode (serving cert/key files, typically mounted by OLM or cert-manager, and optionally a client
 * CA). The ClickHouse password is held here but never printed: {@link #toString()} redacts it.
 *
 * @param bindAddress address to listen on
 * @param securePort HTTPS port; 0 picks a free port
 * @param standalone generate PKI and kubeconfig in {@code stateDir} instead of using cert files
 * @param stateDir standalone state directory (pki/ and kubeconfig)
 * @param tlsCertFile cluster mode serving certificate (PEM)
 * @param tlsKeyFile cluster mode serving private key (PEM)
 * @param clientCaFile CA bundle that client certificates must chain to (cluster mode)
 * @param clickhouseUrl ClickHouse HTTP endpoint
 * @param clickhouseUser ClickHouse user
 * @param clickhousePassword ClickHouse password (from env or file, never a flag value)
 * @param clickhouseDatabase ClickHouse database holding the telemetry tables
 * @param defaultWindow time window used when a request names none
 * @param maxWindow largest time window a request may ask for
 * @param watchPollInterval how often watches poll storage for new data
 * @param workerThreads size of the bounded worker pool for blocking storage calls
 * @param maxBodyBytes largest accepted request body
 * @param shutdownTimeout how long to drain in-flight requests on SIGTERM
 * @param shutdownDelay how long to keep serving, with /readyz failing, after SIGTERM and before
 *     closing the listener, so endpoints and load balancers stop sending traffic first
 * @param readinessInterval how often the cached storage ping runs
 * @param continueTokenKeyFile HMAC key (at least 32 bytes) for list continue tokens, shared by all
 *     replicas; standalone mode generates one in the state directory when absent
 */
public record ApiServerConfig(
    String bindAddress,
    int securePort,
    boolean standalone,
    Optional<Path> stateDir,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    Optional<Path> clientCaFile,
    String clickhouseUrl,
    String clickhouseUser,
    String clickhousePassword,
    String clickhouseDatabase,
    Duration defaultWindow,
    Duration maxWindow,
    Duration watchPollInterval,
    int workerThreads,
    long maxBodyBytes,
    Duration shutdownTimeout,
    Duration shutdownDelay,
    Duration readinessInterval,
    Optional<Path> continueTokenKeyFile) {

  public ApiServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(clickhousePassword, "clickhousePassword");
    if (securePort < 0 || securePort > 65535) {
      throw new IllegalArgumentException("--secure-port must be between 0 and 65535");
    }
    if (standalone && stateDir.isEmpty()) {
      throw new IllegalArgumentException("--standalone needs --state-dir");
    }
    if (!standalone && (tlsCertFile.isEmpty() || tlsKeyFile.isEmpty())) {
      throw new IllegalArgumentException(
          "cluster mode needs --tls-cert-file and --tls-private-key-file (or use --standalone)");
    }
    if (standalone && (tlsCertFile.isPresent() || tlsKeyFile.isPresent())) {
      throw new IllegalArgumentException(
          "--standalone generates its own certificates; do not combine it with --tls-cert-file");
    }
    requirePositive(defaultWindow, "--default-window");
    requirePositive(maxWindow, "--max-window");
    requirePositive(watchPollInterval, "--watch-poll-interval");
    if (defaultWindow.compareTo(maxWindow) > 0) {
      throw new IllegalArgumentException("--default-window must not exceed --max-window");
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("--worker-threads must be at least 1");
    }
    if (shutdownDelay.isNegative()) {
      throw new IllegalArgumentException("--shutdown-delay must not be negative");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("max body size must be positive");
    }
  }

  private static void requirePositive(Duration value, String flag) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(flag + " must be a positive duration");
    }
  }

  @Override
  public String toString() {
    return "ApiServerConfig[bindAddress="
        + bindAddress
        + ", securePort="
        + securePort
        + ", standalone="
        + standalone
        + ", stateDir="
        + stateDir.map(Path::toString).orElse("")
        + ", tlsCertFile="
        + tlsCertFile.map(Path::toString).orElse("")
        + ", clientCaFile="
        + clientCaFile.map(Path::toString).orElse("")
        + ", clickhouseUrl="
        + clickhouseUrl
        + ", clickhouseUser="
        + clickhouseUser
        + ", clickhousePassword=<redacted>, clickhouseDatabase="
        + clickhouseDatabase
        + ", defaultWindow="
        + defaultWindow
        + ", maxWindow="
        + maxWindow
        + ", watchPollInterval="
        + watchPollInterval
        + ", workerThreads="
        + workerThreads
        + ", continueTokenKeyFile="
        + continueTokenKeyFile.map(Path::toString).orElse("")
        + "]";
  }
}
