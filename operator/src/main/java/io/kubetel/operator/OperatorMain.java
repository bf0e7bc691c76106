package io.kubetel.operator;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.sql.Identifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of the kubetel operator: parses flags (each with an environment-variable default,
 * documented in operator/README.md), starts {@link OperatorApp} and stops it gracefully on SIGTERM.
 */
@Command(
    name = "kubetel-operator",
    mixinStandardHelpOptions = true,
    description = "Reconciles kubetel TelemetryTenant, AlertRule and Dashboard resources.")
public final class OperatorMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);
  static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final String SA_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

  @Option(
      names = "--clickhouse-url",
      defaultValue = "${env:KUBETEL_CLICKHOUSE_URL}",
      description =
          "ClickHouse HTTP URL, e.g. http://clickhouse:8123 (env KUBETEL_CLICKHOUSE_URL).")
  String clickHouseUrl;

  @Option(
      names = "--clickhouse-user",
      defaultValue = "${env:KUBETEL_CLICKHOUSE_USER:-default}",
      description = "ClickHouse user (env KUBETEL_CLICKHOUSE_USER, default: default).")
  String clickHouseUser;

  @Option(
      names = "--clickhouse-password-file",
      defaultValue = "${env:KUBETEL_CLICKHOUSE_PASSWORD_FILE}",
      description = "File holding the ClickHouse password (env KUBETEL_CLICKHOUSE_PASSWORD_FILE).")
  Path clickHousePasswordFile;

  @Option(
      names = "--clickhouse-tables",
      defaultValue = "${env:KUBETEL_CLICKHOUSE_TABLES}",
      description =
          "Telemetry table names when the exporter's were configured otherwise, e.g."
              + " logs=my_logs,gauge=my_gauge (keys: logs, traces, gauge, sum, histogram,"
              + " exponential_histogram, summary; env KUBETEL_CLICKHOUSE_TABLES).")
  String clickHouseTables;

  @Option(
      names = "--default-database",
      defaultValue = "${env:KUBETEL_DEFAULT_DATABASE}",
      description =
          "Database used to validate queries of namespaces no tenant owns; empty skips data checks"
              + " there (env KUBETEL_DEFAULT_DATABASE).")
  String defaultDatabase;

  @Option(
      names = "--system-database",
      defaultValue = "${env:KUBETEL_SYSTEM_DATABASE:-kubetel_system}",
      description =
          "kubetel's own ClickHouse database: which tenant owns which database (env"
              + " KUBETEL_SYSTEM_DATABASE, default kubetel_system). No tenant may use it.")
  String systemDatabase;

  @Option(
      names = "--tenant-credentials-namespace",
      defaultValue = "${env:KUBETEL_TENANT_CREDENTIALS_NAMESPACE}",
      description =
          "Namespace where the operator keeps the Secrets of the ClickHouse users it provisions for"
              + " tenants (ClickHouse 20.4+); must be the API server's --tenant-credentials-namespace"
              + " (env KUBETEL_TENANT_CREDENTIALS_NAMESPACE; default: POD_NAMESPACE, else"
              + " kubetel-system, as the API server's).")
  String tenantCredentialsNamespace;

  @Option(
      names = "--management-address",
      defaultValue = "${env:KUBETEL_MANAGEMENT_ADDRESS:-0.0.0.0}",
      description = "Address of /healthz, /readyz, /metrics (env KUBETEL_MANAGEMENT_ADDRESS).")
  String managementHost;

  @Option(
      names = "--management-port",
      defaultValue = "${env:KUBETEL_MANAGEMENT_PORT:-8081}",
      description =
          "Port of /healthz, /readyz, /metrics (env KUBETEL_MANAGEMENT_PORT, default 8081).")
  int managementPort;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "${env:KUBETEL_LEADER_ELECTION:-true}",
      fallbackValue = "true",
      description = "Elect a leader through a Lease (env KUBETEL_LEADER_ELECTION, default true).")
  boolean leaderElection;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description =
          "Namespace of the Lease (env POD_NAMESPACE; default: the service account's namespace).")
  String leaseNamespace;

  @Option(
      names = "--lease-name",
      defaultValue = "${env:KUBETEL_LEASE_NAME:-kubetel-operator}",
      description = "Name of the Lease (env KUBETEL_LEASE_NAME, default kubetel-operator).")
  String leaseName;

  @Option(
      names = "--retention-interval",
      defaultValue = "${env:KUBETEL_RETENTION_INTERVAL:-1h}",
      description = "How often retention runs per tenant (env KUBETEL_RETENTION_INTERVAL, 1h).")
  String retentionInterval;

  @Option(
      names = "--recheck-interval",
      defaultValue = "${env:KUBETEL_RECHECK_INTERVAL:-10m}",
      description =
          "How often AlertRules and Dashboards are re-validated against stored data (env"
              + " KUBETEL_RECHECK_INTERVAL, 10m).")
  String recheckInterval;

  @Option(
      names = "--reconcile-threads",
      defaultValue = "${env:KUBETEL_RECONCILE_THREADS:-10}",
      description = "Concurrent reconciliations (env KUBETEL_RECONCILE_THREADS, default 10).")
  int reconcileThreads;

  @Option(
      names = "--watch-namespaces",
      defaultValue = "${env:KUBETEL_WATCH_NAMESPACES}",
      description =
          "Comma-separated namespaces whose AlertRules and Dashboards are reconciled; empty for all"
              + " (env KUBETEL_WATCH_NAMESPACES). TelemetryTenants are cluster-scoped.")
  String watchNamespaces;

  @Option(
      names = "--instance",
      defaultValue = "${env:KUBETEL_INSTANCE}",
      description =
          "Only reconcile objects labelled "
              + OperatorConfig.INSTANCE_LABEL
              + "=<value>; empty for all (env KUBETEL_INSTANCE).")
  String instance;

  @Option(
      names = "--lease-duration",
      defaultValue = "${env:KUBETEL_LEASE_DURATION:-15s}",
      description =
          "How long standby replicas wait before taking over an unrenewed Lease (env"
              + " KUBETEL_LEASE_DURATION, 15s).")
  String leaseDuration;

  @Option(
      names = "--lease-renew-deadline",
      defaultValue = "${env:KUBETEL_LEASE_RENEW_DEADLINE:-10s}",
      description =
          "How long the leader tries to renew the Lease before giving up leadership (env"
              + " KUBETEL_LEASE_RENEW_DEADLINE, 10s).")
  String leaseRenewDeadline;

  @Option(
      names = "--lease-retry-period",
      defaultValue = "${env:KUBETEL_LEASE_RETRY_PERIOD:-2s}",
      description =
          "How often leader and standbys act on the Lease (env KUBETEL_LEASE_RETRY_PERIOD, 2s).")
  String leaseRetryPeriod;

  @Option(
      names = "--kubeconfig",
      defaultValue = "${env:KUBETEL_KUBECONFIG}",
      description =
          "Kubeconfig file, to run outside a cluster (env KUBETEL_KUBECONFIG; default: the service"
              + " account in a cluster, else KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      defaultValue = "${env:KUBETEL_CONTEXT}",
      description = "Kubeconfig context to use (env KUBETEL_CONTEXT; default: its current one).")
  String context;

  @Option(
      names = "--log-level",
      defaultValue = "${env:KUBETEL_LOG_LEVEL}",
      description =
          "Level of the io.kubetel loggers: TRACE, DEBUG, INFO, WARN or ERROR (env"
              + " KUBETEL_LOG_LEVEL, default INFO).")
  String logLevel;

  public static void main(String[] args) {
    // On 1 or 2 CPUs the common pool gets parallelism 1, and CompletableFuture then runs every
    // async completion on a new thread: the fabric8 client's JDK HTTP transport completes each
    // response that way, so under load the operator started thousands of threads a minute
    // (measured by hack/bench.sh operator). Two workers keep it a pool; an explicit setting wins.
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null
        && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
    int code = new CommandLine(new OperatorMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Validates the flags into a config; throws ParameterException with a clear message. */
  OperatorConfig config(CommandLine cmd) {
    if (clickHouseUrl == null || clickHouseUrl.isBlank()) {
      throw new CommandLine.ParameterException(
          cmd, "--clickhouse-url (or KUBETEL_CLICKHOUSE_URL) is required");
    }
    String password = "";
    if (clickHousePasswordFile != null) {
      try {
        password = Files.readString(clickHousePasswordFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            cmd, "cannot read --clickhouse-password-file " + clickHousePasswordFile + ": " + e);
      }
    }
    String ns = leaseNamespace;
    if ((ns == null || ns.isBlank()) && Files.isReadable(Path.of(SA_NAMESPACE_FILE))) {
      try {
        ns = Files.readString(Path.of(SA_NAMESPACE_FILE)).strip();
      } catch (IOException e) {
        ns = null;
      }
    }
    if (leaderElection && (ns == null || ns.isBlank())) {
      throw new CommandLine.ParameterException(
          cmd,
          "leader election needs --leader-election-namespace (or POD_NAMESPACE); run outside a"
              + " cluster with --no-leader-election");
    }
    String identity =
        Optional.ofNullable(System.getenv("POD_NAME"))
            .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
            .orElse("kubetel-operator-" + ProcessHandle.current().pid());
    return new OperatorConfig(
        clickHouseUrl.strip(),
        clickHouseUser,
        password,
        tableNames(cmd),
        Optional.ofNullable(defaultDatabase).filter(s -> !s.isBlank()),
        systemDatabase(cmd),
        managementHost,
        managementPort,
        leaderElection,
        ns,
        leaseName,
        identity,
        duration(cmd, "--retention-interval", retentionInterval),
        duration(cmd, "--recheck-interval", recheckInterval),
        reconcileThreads,
        new OperatorConfig.Scope(namespaces(cmd), instance(cmd)),
        leaseTimings(cmd),
        clusterAccess(cmd),
        credentialsNamespace(cmd));
  }

  /** The flag, else POD_NAMESPACE, else kubetel-system: the API server's default. */
  private String credentialsNamespace(CommandLine cmd) {
    String ns =
        Optional.ofNullable(tenantCredentialsNamespace)
            .filter(s -> !s.isBlank())
            .or(() -> Optional.ofNullable(System.getenv("POD_NAMESPACE")).filter(s -> !s.isBlank()))
            .orElse(OperatorConfig.DEFAULT_CREDENTIALS_NAMESPACE);
    if (!NAMESPACE.matcher(ns).matches()) {
      throw new CommandLine.ParameterException(
          cmd, "--tenant-credentials-namespace: \"" + ns + "\" is not a namespace name");
    }
    return ns;
  }

  /** A namespace name: a DNS-1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** A label value: at most 63 characters, alphanumerics at both ends, '-', '_', '.' inside. */
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private Set<String> namespaces(CommandLine cmd) {
    if (watchNamespaces == null || watchNamespaces.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (String ns : watchNamespaces.split(",", -1)) {
      if (!NAMESPACE.matcher(ns).matches()) {
        throw new CommandLine.ParameterException(
            cmd,
            "--watch-namespaces: \""
                + ns
                + "\" is not a namespace name (lower-case letters, digits and '-', at most 63"
                + " characters; separate names with commas, no spaces)");
      }
      out.add(ns);
    }
    return out;
  }

  private Optional<String> instance(CommandLine cmd) {
    if (instance == null || instance.isEmpty()) {
      return Optional.empty();
    }
    if (!LABEL_VALUE.matcher(instance).matches()) {
      throw new CommandLine.ParameterException(
          cmd,
          "--instance: \""
              + instance
              + "\" is not a label value (at most 63 letters, digits, '-', '_' or '.', starting and"
              + " ending with a letter or digit)");
    }
    return Optional.of(instance);
  }

  private OperatorConfig.LeaseTimings leaseTimings(CommandLine cmd) {
    OperatorConfig.LeaseTimings timings =
        new OperatorConfig.LeaseTimings(
            duration(cmd, "--lease-duration", leaseDuration),
            duration(cmd, "--lease-renew-deadline", leaseRenewDeadline),
            duration(cmd, "--lease-retry-period", leaseRetryPeriod));
    timings
        .problem()
        .ifPresent(
            p ->
                cmdError(
                    cmd,
                    p
                        + " (got --lease-duration="
                        + leaseDuration
                        + " --lease-renew-deadline="
                        + leaseRenewDeadline
                        + " --lease-retry-period="
                        + leaseRetryPeriod
                        + ")"));
    return timings;
  }

  private ClusterAccess clusterAccess(CommandLine cmd) {
    ClusterAccess access =
        new ClusterAccess(
            Optional.ofNullable(kubeconfig),
            Optional.ofNullable(context).filter(c -> !c.isEmpty()));
    access.problem().ifPresent(p -> cmdError(cmd, p));
    return access;
  }

  private static void cmdError(CommandLine cmd, String message) {
    throw new CommandLine.ParameterException(cmd, message);
  }

  private String systemDatabase(CommandLine cmd) {
    if (!Identifiers.isValidDatabase(systemDatabase)) {
      throw new CommandLine.ParameterException(
          cmd,
          "--system-database: \""
              + systemDatabase
              + "\" is not a ClickHouse database name (letters, digits, '_', at most 63)");
    }
    if (systemDatabase.equals(defaultDatabase)) {
      throw new CommandLine.ParameterException(
          cmd, "--system-database must differ from --default-database (users' telemetry)");
    }
    return systemDatabase;
  }

  private TableNames tableNames(CommandLine cmd) {
    try {
      return TableNames.parse(clickHouseTables);
    } catch (InvalidInputException e) {
      throw new CommandLine.ParameterException(cmd, "--clickhouse-tables: " + e.getMessage());
    }
  }

  private static Duration duration(CommandLine cmd, String flag, String text) {
    try {
      return Durations.parsePositive(text, flag);
    } catch (InvalidInputException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }

  /**
   * Applies {@code --log-level} to the {@code io.kubetel} loggers (what the packaged logback.xml
   * sets from KUBETEL_LOG_LEVEL; third-party loggers stay at WARN, the line format is unchanged).
   */
  void applyLogLevel(CommandLine cmd) {
    if (logLevel == null || logLevel.isBlank()) {
      return;
    }
    String level = logLevel.strip().toUpperCase(java.util.Locale.ROOT);
    if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
      throw new CommandLine.ParameterException(
          cmd, "--log-level must be TRACE, DEBUG, INFO, WARN or ERROR, not '" + logLevel + "'");
    }
    if (LoggerFactory.getLogger("io.kubetel") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
    }
  }

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = new CommandLine(this);
    applyLogLevel(cmd);
    OperatorConfig config = config(cmd);
    log.info("event=operator_starting config={}", config);
    OperatorApp app = OperatorApp.start(config, null);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("event=operator_stopping");
                  app.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }
}
