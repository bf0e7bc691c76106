package io.kubetel.apiserver;

import io.kubetel.anomaly.Sensitivity;
import io.kubetel.anomaly.scan.ScanSettings;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line entry point of the kubetel API server: parses flags and environment once into an
 * {@link ApiServerConfig}, starts the {@link ApiServer} and stops it gracefully on SIGTERM/SIGINT.
 * Every flag has an environment-variable equivalent ({@link EnvironmentDefaults}); flags and
 * variables are documented in {@code apiserver/server/README.md}.
 */
@Command(
    name = "kubetel-apiserver",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    versionProvider = ApiServerMain.Version.class,
    description = "Serves ClickHouse telemetry as the telemetry.kubetel.io/v1alpha1 API.",
    footer =
        "Every flag can also be set as an environment variable: KUBETEL_APISERVER_ and the flag's"
            + " name in upper case with - as _ (--clickhouse-url: KUBETEL_APISERVER_CLICKHOUSE_URL)."
            + " A flag given on the command line wins.")
public final class ApiServerMain implements Callable<Integer> {
  /** Environment variable holding the ClickHouse password. */
  public static final String PASSWORD_ENV = "KUBETEL_CLICKHOUSE_PASSWORD";

  /** Where OLM mounts the serving certificate: the default in cluster mode when both exist. */
  static final Path OLM_CERT = Path.of("/apiserver.local.config/certificates/apiserver.crt");

  static final Path OLM_KEY = Path.of("/apiserver.local.config/certificates/apiserver.key");

  private static final Logger log = LoggerFactory.getLogger(ApiServerMain.class);

  @Option(
      names = "--bind-address",
      description =
          "Listen address; default 127.0.0.1 in standalone mode (loopback only), 0.0.0.0 in"
              + " cluster mode.")
  String bindAddress;

  @Mixin LimitFlags limitFlags = new LimitFlags();

  @Option(
      names = "--secure-port",
      defaultValue = "8443",
      description = "HTTPS port; 0 picks a free port.")
  int securePort;

  @Mixin TenancyOptions tenancy = new TenancyOptions();

  @Mixin ResultCacheOptions resultCache = new ResultCacheOptions();

  @Option(names = "--standalone", description = "Generate PKI and a kubeconfig in --state-dir.")
  boolean standalone;

  @Option(names = "--state-dir", description = "Standalone state directory.")
  Path stateDir;

  @Option(
      names = "--custom-resources-dir",
      description =
          "Standalone mode: serve the kubetel.io/v1alpha1 Dashboards and AlertRules in the YAML"
              + " files below this directory, read-only (an invalid file stops startup).")
  Path customResourcesDir;

  @Option(
      names = "--evaluate-alert-rules",
      description =
          "Standalone mode: evaluate the AlertRules of --custom-resources-dir and deliver their"
              + " notifications to the receivers their Secrets (in the same directory) name.")
  boolean evaluateAlertRules;

  @Option(names = "--tls-cert-file", description = "Serving certificate (PEM), cluster mode.")
  Path tlsCertFile;

  @Option(names = "--tls-private-key-file", description = "Serving private key (PEM).")
  Path tlsKeyFile;

  @Option(names = "--client-ca-file", description = "CA bundle for client certificates.")
  Path clientCaFile;

  @Option(
      names = "--delegated-auth",
      arity = "1",
      defaultValue = "true",
      description =
          "Cluster mode: authenticate through kube-apiserver (front proxy, x509, TokenReview) and"
              + " authorize every request with a SubjectAccessReview.")
  boolean delegatedAuth;

  @Option(
      names = "--authentication-kubeconfig",
      description =
          "kubeconfig for the TokenReview/SubjectAccessReview/ConfigMap calls; default: the"
              + " in-cluster service account.")
  Path authenticationKubeconfig;

  @Option(
      names = "--authentication-token-webhook-cache-ttl",
      defaultValue = "10s",
      description = "How long TokenReview answers are cached.")
  Duration tokenCacheTtl;

  @Option(
      names = "--authorization-webhook-cache-authorized-ttl",
      defaultValue = "10s",
      description = "How long allowing SubjectAccessReview answers are cached.")
  Duration allowCacheTtl;

  @Option(
      names = "--authorization-webhook-cache-unauthorized-ttl",
      defaultValue = "10s",
      description = "How long denying SubjectAccessReview answers are cached.")
  Duration denyCacheTtl;

  @Option(
      names = "--auth-cache-size",
      defaultValue = "10000",
      description = "Most entries in the token and the decision cache (each).")
  long authCacheSize;

  @Option(
      names = "--auth-worker-threads",
      defaultValue = "4",
      description = "Worker threads for TokenReview and SubjectAccessReview calls.")
  int authWorkerThreads;

  @Option(
      names = "--metrics-group",
      defaultValue = "system:monitoring",
      description = "Group whose members may read /metrics without a SubjectAccessReview.")
  String metricsGroup;

  @Option(
      names = "--clickhouse-url",
      defaultValue = "http://127.0.0.1:8123",
      description = "ClickHouse HTTP endpoint.")
  String clickhouseUrl;

  @Option(names = "--clickhouse-user", defaultValue = "default", description = "ClickHouse user.")
  String clickhouseUser;

  @Option(
      names = "--clickhouse-password-file",
      description = "File holding the ClickHouse password (else env " + PASSWORD_ENV + ").")
  Path clickhousePasswordFile;

  @Option(
      names = "--clickhouse-database",
      defaultValue = ClickHouseSettings.DEFAULT_DATABASE,
      description = "ClickHouse database.")
  String clickhouseDatabase;

  @Option(
      names = "--clickhouse-tables",
      defaultValue = "",
      description =
          "Telemetry table names when the exporter's were configured otherwise, e.g."
              + " logs=my_logs,gauge=my_gauge (keys: logs, traces, gauge, sum, histogram,"
              + " exponential_histogram, summary).")
  String clickhouseTables;

  @Option(
      names = "--default-window",
      defaultValue = ResourceSettings.DEFAULT_WINDOW,
      description = "Time window when a request names none.")
  Duration defaultWindow;

  @Option(
      names = "--max-window",
      defaultValue = ResourceSettings.MAX_WINDOW,
      description = "Largest time window a request may ask for.")
  Duration maxWindow;

  @Option(
      names = "--watch-poll-interval",
      defaultValue = ResourceSettings.WATCH_POLL_INTERVAL,
      description = "How often watches poll storage.")
  Duration watchPollInterval;

  @Option(
      names = "--system-database",
      defaultValue = "${env:KUBETEL_SYSTEM_DATABASE:-kubetel_system}",
      description =
          "kubetel's own database (as the operator's --system-database): the alert history that"
              + " alertevents serves and, in standalone mode, the evaluator writes; the anomaly"
              + " scan's state and findings.")
  String systemDatabase;

  @Option(
      names = "--worker-threads",
      defaultValue = "16",
      description = "Worker pool size for blocking storage calls.")
  int workerThreads;

  @Option(
      names = "--max-request-body-bytes",
      defaultValue = "1048576",
      description = "Largest accepted request body.")
  long maxBodyBytes;

  @Option(
      names = "--shutdown-timeout",
      defaultValue = "20s",
      description = "How long to drain in-flight requests on SIGTERM.")
  Duration shutdownTimeout;

  @Option(
      names = "--shutdown-delay",
      defaultValue = "0s",
      description = "After SIGTERM, keep serving with /readyz failing this long before draining.")
  Duration shutdownDelay;

  @Option(
      names = "--readiness-interval",
      defaultValue = "5s",
      description = "How often the cached storage ping for /readyz runs.")
  Duration readinessInterval;

  @Option(
      names = "--continue-token-key-file",
      description =
          "HMAC key (>= 32 bytes) for continue tokens, shared by all replicas; default in cluster"
              + " mode: derived from the serving certificate's private key.")
  Path continueTokenKeyFile;

  @Option(
      names = "--anomaly-scan",
      description =
          "Run the anomaly scan over the telemetry database's metric series and serve the"
              + " anomalies resource (state and findings in --system-database).")
  boolean anomalyScan;

  @Option(
      names = "--anomaly-scan-interval",
      defaultValue = "30s",
      description = "Time between anomaly scans.")
  Duration anomalyScanInterval;

  @Option(
      names = "--anomaly-warmup",
      defaultValue = "1h",
      description = "History a starting anomaly scan learns from.")
  Duration anomalyWarmup;

  @Option(
      names = "--anomaly-minimum-duration",
      defaultValue = "0s",
      description = "How long anomalous points must last to make an anomaly.")
  Duration anomalyMinimumDuration;

  @Option(
      names = "--anomaly-sensitivity",
      defaultValue = "medium",
      description = "Detector sensitivity: ${COMPLETION-CANDIDATES}.")
  Sensitivity anomalySensitivity;

  @Option(
      names = "--log-level",
      description =
          "Level of the API server's log lines: TRACE, DEBUG, INFO, WARN or ERROR (default: env"
              + " KUBETEL_LOG_LEVEL, else INFO).")
  LogLevel logLevel;

  private final Map<String, String> environment;
  private final ApiServer.StoreFactory stores;

  ApiServerMain(Map<String, String> environment, ApiServer.StoreFactory stores) {
    this.environment = environment;
    this.stores = stores;
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ApiServerMain.class.getPackage().getImplementationVersion();
      return new String[] {"kubetel-apiserver " + (version == null ? "dev" : version)};
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, ApiServer.CLICKHOUSE));
  }

  /**
   * Parses {@code args}, runs the server until SIGTERM and returns the exit code. Production passes
   * {@link ApiServer#CLICKHOUSE}; the e2e harness passes a store of its own.
   */
  public static int run(String[] args, ApiServer.StoreFactory stores) {
    return commandLine(new ApiServerMain(System.getenv(), stores)).execute(args);
  }

  /** The parser for {@code main}'s flags; every duration flag takes the same notation. */
  static CommandLine commandLine(ApiServerMain main) {
    return new CommandLine(main)
        .setDefaultValueProvider(new EnvironmentDefaults(main.environment))
        .registerConverter(Duration.class, new DurationConverter())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    if (logLevel != null) {
      logLevel.apply();
    }
    ApiServerConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("kubetel-apiserver: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    log.info("event=starting config=\"{}\"", config);
    ApiServer server = new ApiServer(config, stores, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "kubetel-shutdown"));
    try {
      server.start();
    } catch (Exception e) {
      log.error("event=start_failed error=\"{}\"", e.getMessage(), e);
      return 1;
    }
    stopped.await();
    return 0;
  }

  /** The one configuration, from the parsed flags and the environment. */
  ApiServerConfig config() throws IOException {
    return new ApiServerConfig(
        new ApiServerConfig.Serving(
            bindAddress != null ? bindAddress : standalone ? "127.0.0.1" : "0.0.0.0",
            securePort,
            maxBodyBytes,
            limitFlags.limits(),
            limitFlags.connectionLimits()),
        tls(),
        new ApiServerConfig.Storage(
            limitFlags.applyTo(
                ClickHouseSettings.of(clickhouseUrl, clickhouseDatabase)
                    .withCredentials(clickhouseUser, password())
                    .withTables(tableNames())),
            workerThreads,
            readinessInterval,
            systemDatabase),
        ResourceSettings.of(defaultWindow, maxWindow, watchPollInterval),
        Optional.ofNullable(continueTokenKeyFile),
        new ApiServerConfig.Shutdown(shutdownTimeout, shutdownDelay),
        tenancy.settings(),
        anomalyScan(),
        resultCache.settings());
  }

  /** The anomaly scan's configuration when {@code --anomaly-scan} is given. */
  private Optional<AnomalyScanConfig> anomalyScan() {
    if (!anomalyScan) {
      return Optional.empty();
    }
    ScanSettings defaults = ScanSettings.defaults();
    return Optional.of(
        new AnomalyScanConfig(
            systemDatabase,
            new ScanSettings(
                anomalyScanInterval,
                anomalyWarmup,
                defaults.lookback(),
                anomalyMinimumDuration,
                defaults.saveInterval(),
                anomalySensitivity)));
  }

  private TableNames tableNames() {
    try {
      return TableNames.parse(clickhouseTables);
    } catch (InvalidInputException e) {
      throw new IllegalArgumentException("--clickhouse-tables: " + e.getMessage(), e);
    }
  }

  /** Standalone or cluster mode; the two exclude each other. */
  private ApiServerConfig.Tls tls() {
    if (standalone) {
      if (stateDir == null) {
        throw new IllegalArgumentException("--standalone needs --state-dir");
      }
      if (tlsCertFile != null || tlsKeyFile != null) {
        throw new IllegalArgumentException(
            "--standalone generates its own certificates; do not combine it with --tls-cert-file");
      }
      if (evaluateAlertRules && customResourcesDir == null) {
        throw new IllegalArgumentException(
            "--evaluate-alert-rules needs --custom-resources-dir: the AlertRules come from there");
      }
      return new ApiServerConfig.Standalone(
          stateDir, Optional.ofNullable(customResourcesDir), evaluateAlertRules);
    }
    if (evaluateAlertRules) {
      throw new IllegalArgumentException(
          "--evaluate-alert-rules needs --standalone: in a cluster the operator's leader evaluates"
              + " AlertRules");
    }
    if (customResourcesDir != null) {
      throw new IllegalArgumentException(
          "--custom-resources-dir needs --standalone: in a cluster kube-apiserver serves the"
              + " kubetel.io custom resources from their CRDs");
    }
    Path cert = tlsCertFile;
    Path key = tlsKeyFile;
    if (cert == null
        && key == null
        && Files.isRegularFile(OLM_CERT)
        && Files.isRegularFile(OLM_KEY)) {
      cert = OLM_CERT;
      key = OLM_KEY;
    }
    if (cert == null || key == null) {
      throw new IllegalArgumentException(
          "cluster mode needs --tls-cert-file and --tls-private-key-file (default: "
              + OLM_CERT
              + " and .key when both exist) or --standalone");
    }
    Optional<ApiServerConfig.Delegation> delegation =
        delegatedAuth
            ? Optional.of(
                new ApiServerConfig.Delegation(
                    Optional.ofNullable(authenticationKubeconfig),
                    tokenCacheTtl,
                    allowCacheTtl,
                    denyCacheTtl,
                    authCacheSize,
                    metricsGroup,
                    authWorkerThreads))
            : Optional.empty();
    return new ApiServerConfig.Cluster(
        new TlsSettings(cert, key, Optional.ofNullable(clientCaFile)), delegation);
  }

  /** The password from --clickhouse-password-file, else the environment, else empty. */
  private String password() throws IOException {
    if (clickhousePasswordFile != null) {
      String text = Files.readString(clickhousePasswordFile, StandardCharsets.UTF_8);
      return text.strip();
    }
    return environment.getOrDefault(PASSWORD_ENV, "");
  }
}
