package io.kubetel.apiserver;

import io.kubetel.apiserver.cache.ResultCacheSettings;
import io.kubetel.apiserver.limits.ConnectionLimits;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.apiserver.tenancy.TenancySettings;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The API server's one immutable configuration, parsed once from flags and environment by {@link
 * ApiServerMain}. Grouped by who uses it, so each part is handed over whole: {@link ApiServer}
 * reads {@link Serving}, {@link Tls}, {@link Shutdown} and the continue-key file, the store is
 * opened from {@link Storage#clickhouse()}, and the resources receive {@link ResourceSettings}.
 * Each group checks its own values. The ClickHouse password is held but never printed.
 *
 * @param serving where to listen and how large a request may be
 * @param tls standalone (generated PKI) or cluster mode (certificate files)
 * @param storage ClickHouse connection, worker pool and readiness ping
 * @param resources read windows, paging and watch tunables of the telemetry resources
 * @param continueKeyFile HMAC key file for list continue tokens, shared by all replicas; standalone
 *     keeps one in its state directory when absent, cluster mode derives one from the serving
 *     certificate's private key
 * @param shutdown graceful-stop timing
 * @param tenancy how TelemetryTenants route reads (databases, ClickHouse users, quotas)
 * @param anomalies the anomaly scan the server hosts, if any, and the {@code anomalies} resource
 * @param resultCache the result cache in front of the telemetry store and the shared watch polls
 */
public record ApiServerConfig(
    Serving serving,
    Tls tls,
    Storage storage,
    ResourceSettings resources,
    Optional<Path> continueKeyFile,
    Shutdown shutdown,
    TenancySettings tenancy,
    Optional<AnomalyScanConfig> anomalies,
    ResultCacheSettings resultCache) {

  /** A configuration with the default tenancy settings and no anomaly scan. */
  public ApiServerConfig(
      Serving serving,
      Tls tls,
      Storage storage,
      ResourceSettings resources,
      Optional<Path> continueKeyFile,
      Shutdown shutdown) {
    this(
        serving,
        tls,
        storage,
        resources,
        continueKeyFile,
        shutdown,
        TenancySettings.defaults(),
        Optional.empty());
  }

  /** A configuration with the default result cache settings. */
  public ApiServerConfig(
      Serving serving,
      Tls tls,
      Storage storage,
      ResourceSettings resources,
      Optional<Path> continueKeyFile,
      Shutdown shutdown,
      TenancySettings tenancy,
      Optional<AnomalyScanConfig> anomalies) {
    this(
        serving,
        tls,
        storage,
        resources,
        continueKeyFile,
        shutdown,
        tenancy,
        anomalies,
        ResultCacheSettings.DEFAULTS);
  }

  public ApiServerConfig {
    Objects.requireNonNull(serving, "serving");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(continueKeyFile, "continueKeyFile");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(tenancy, "tenancy");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(resultCache, "resultCache");
  }

  /**
   * The listener.
   *
   * @param bindAddress address to listen on
   * @param securePort HTTPS port; 0 picks a free port
   * @param maxBodyBytes largest accepted request body (larger is 413)
   * @param limits the hard bounds on requests, watches and connections
   * @param connections the slow-request deadline and the connection limits
   */
  public record Serving(
      String bindAddress,
      int securePort,
      long maxBodyBytes,
      ServerLimits limits,
      ConnectionLimits connections) {
    public Serving {
      Objects.requireNonNull(bindAddress, "bindAddress");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(connections, "connections");
      if (securePort < 0 || securePort > 65535) {
        throw new IllegalArgumentException("--secure-port must be between 0 and 65535");
      }
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("max body size must be positive");
      }
    }

    /** A listener with the default connection limits. */
    public Serving(String bindAddress, int securePort, long maxBodyBytes, ServerLimits limits) {
      this(bindAddress, securePort, maxBodyBytes, limits, ConnectionLimits.DEFAULTS);
    }

    /** A listener with the default limits. */
    public Serving(String bindAddress, int securePort, long maxBodyBytes) {
      this(bindAddress, securePort, maxBodyBytes, ServerLimits.DEFAULTS);
    }
  }

  /** Where the serving certificate and the client CA come from. */
  public sealed interface Tls permits Standalone, Cluster {}

  /**
   * Standalone mode: a self-signed PKI and a kubeconfig, kept in {@code stateDir}.
   *
   * @param stateDir the state directory (pki/, kubeconfig, continue-token.key)
   * @param customResourcesDir where to read the {@code kubetel.io/v1alpha1} Dashboards and
   *     AlertRules served read-only, as there is no kube-apiserver to serve their CRDs; empty
   *     serves none
   * @param evaluateAlertRules whether to evaluate those AlertRules and deliver their notifications
   *     ({@code --evaluate-alert-rules}); off by default, so serving example files never sends to
   *     the placeholder URLs in their Secrets
   */
  public record Standalone(
      Path stateDir, Optional<Path> customResourcesDir, boolean evaluateAlertRules) implements Tls {
    public Standalone {
      Objects.requireNonNull(stateDir, "stateDir");
      Objects.requireNonNull(customResourcesDir, "customResourcesDir");
    }

    /** Standalone mode serving custom resources without evaluating the AlertRules. */
    public Standalone(Path stateDir, Optional<Path> customResourcesDir) {
      this(stateDir, customResourcesDir, false);
    }

    /** Standalone mode without custom resources. */
    public Standalone(Path stateDir) {
      this(stateDir, Optional.empty());
    }

    /** Where the kubeconfig is written once the server listens. */
    public Path kubeconfig() {
      return stateDir.resolve("kubeconfig");
    }

    /** Where the continue-token key is kept, so tokens survive restarts. */
    public Path continueKeyFile() {
      return stateDir.resolve("continue-token.key");
    }
  }

  /**
   * Cluster mode: certificate files mounted by OLM or cert-manager, reloaded when they change.
   *
   * @param files serving certificate, key and optional client CA
   * @param delegation delegated authentication and authorization through kube-apiserver; empty
   *     authenticates x509 against {@code --client-ca-file} only and authorizes every authenticated
   *     user ({@code --delegated-auth=false})
   */
  public record Cluster(TlsSettings files, Optional<Delegation> delegation) implements Tls {
    public Cluster {
      Objects.requireNonNull(files, "files");
      Objects.requireNonNull(delegation, "delegation");
    }

    /** Cluster mode without delegation. */
    public Cluster(TlsSettings files) {
      this(files, Optional.empty());
    }
  }

  /**
   * Delegated authentication (front proxy, x509, TokenReview) and authorization
   * (SubjectAccessReview), as kube-apiserver's aggregated servers do it.
   *
   * @param kubeconfig how to reach kube-apiserver; empty: in-cluster service account (or the usual
   *     kubeconfig discovery)
   * @param tokenCacheTtl how long a TokenReview answer is cached
   * @param allowCacheTtl how long an allowing SubjectAccessReview answer is cached
   * @param denyCacheTtl how long a denying SubjectAccessReview answer is cached
   * @param cacheSize most entries in each of the two caches
   * @param metricsGroup group allowed to read {@code /metrics} without a review ("" for none)
   * @param authWorkerThreads worker threads for the (blocking) review calls
   */
  public record Delegation(
      Optional<Path> kubeconfig,
      Duration tokenCacheTtl,
      Duration allowCacheTtl,
      Duration denyCacheTtl,
      long cacheSize,
      String metricsGroup,
      int authWorkerThreads) {
    public Delegation {
      Objects.requireNonNull(kubeconfig, "kubeconfig");
      Objects.requireNonNull(metricsGroup, "metricsGroup");
      if (tokenCacheTtl.isNegative() || allowCacheTtl.isNegative() || denyCacheTtl.isNegative()) {
        throw new IllegalArgumentException("authentication/authorization cache TTLs must be >= 0");
      }
      if (cacheSize < 1 || authWorkerThreads < 1) {
        throw new IllegalArgumentException("--auth-cache-size and --auth-worker-threads >= 1");
      }
    }
  }

  /**
   * Storage access.
   *
   * @param clickhouse connection settings, password included (never printed)
   * @param workerThreads size of the bounded worker pool for blocking storage calls
   * @param readinessInterval how often the cached storage ping behind {@code /readyz} runs
   * @param systemDatabase kubetel's own database: the alert history {@code alertevents} serves
   */
  public record Storage(
      ClickHouseSettings clickhouse,
      int workerThreads,
      Duration readinessInterval,
      String systemDatabase) {
    /** The default of {@code --system-database}, the operator's too. */
    public static final String DEFAULT_SYSTEM_DATABASE = "kubetel_system";

    public Storage {
      Objects.requireNonNull(clickhouse, "clickhouse");
      Objects.requireNonNull(readinessInterval, "readinessInterval");
      Objects.requireNonNull(systemDatabase, "systemDatabase");
      if (workerThreads < 1) {
        throw new IllegalArgumentException("--worker-threads must be at least 1");
      }
    }

    /** Storage with the default system database. */
    public Storage(ClickHouseSettings clickhouse, int workerThreads, Duration readinessInterval) {
      this(clickhouse, workerThreads, readinessInterval, DEFAULT_SYSTEM_DATABASE);
    }

    /** Says outright that the password is withheld (ClickHouseSettings leaves it out). */
    @Override
    public String toString() {
      return "Storage[clickhouse="
          + clickhouse
          + ", clickhousePassword=<redacted>, workerThreads="
          + workerThreads
          + ", readinessInterval="
          + readinessInterval
          + ", systemDatabase="
          + systemDatabase
          + "]";
    }
  }

  /**
   * Graceful stop on SIGTERM.
   *
   * @param timeout how long to drain in-flight requests
   * @param delay how long to keep serving, with {@code /readyz} failing, before closing the
   *     listener, so endpoints and load balancers stop sending traffic first
   */
  public record Shutdown(Duration timeout, Duration delay) {
    public Shutdown {
      Objects.requireNonNull(timeout, "timeout");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("--shutdown-delay must not be negative");
      }
    }
  }
}
