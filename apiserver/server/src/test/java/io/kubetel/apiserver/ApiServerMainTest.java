package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.limits.ConnectionLimits;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Flag and environment parsing into {@link ApiServerConfig}. */
class ApiServerMainTest {
  @TempDir Path dir;

  private static ApiServerConfig parse(Map<String, String> env, String... args) throws Exception {
    ApiServerMain main = new ApiServerMain(env, clickhouse -> null);
    ApiServerMain.commandLine(main).parseArgs(args);
    return main.config();
  }

  /** Standalone mode in the temp dir, plus {@code more} flags. */
  private ApiServerConfig standalone(String... more) throws Exception {
    return standalone(Map.of(), more);
  }

  private ApiServerConfig standalone(Map<String, String> env, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--standalone", "--state-dir", dir.toString()));
    args.addAll(List.of(more));
    return parse(env, args.toArray(String[]::new));
  }

  @Test
  void defaultsAndStandalone() throws Exception {
    ApiServerConfig config = standalone();

    // Standalone serves loopback only unless told otherwise.
    assertThat(config.serving().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.serving().securePort()).isEqualTo(8443);
    assertThat(config.serving().limits()).isEqualTo(ServerLimits.DEFAULTS);
    assertThat(config.storage().clickhouse().maxResponseBytes())
        .isEqualTo(ClickHouseSettings.DEFAULT_MAX_RESPONSE_BYTES);
    assertThat(config.storage().clickhouse().database()).isEqualTo("otel");
    assertThat(config.resources().defaultWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.resources().maxWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.storage().clickhouse().password()).isEmpty();
  }

  @Test
  void limitFlagsReachTheConfiguration() throws Exception {
    ApiServerConfig config =
        standalone(
            "--request-timeout=5s",
            "--max-rows-per-request=1000",
            "--max-watches-per-user=2",
            "--max-watches=3",
            "--http-idle-timeout=90s",
            "--max-url-bytes=2048",
            "--max-header-bytes=4096",
            "--clickhouse-max-execution-time=7s",
            "--clickhouse-max-rows-to-read=99",
            "--clickhouse-max-result-rows=98",
            "--clickhouse-max-response-bytes=4096");

    ServerLimits limits = config.serving().limits();
    assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(limits.maxRowsPerRequest()).isEqualTo(1000);
    assertThat(limits.maxWatchesPerUser()).isEqualTo(2);
    assertThat(limits.maxWatches()).isEqualTo(3);
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(limits.maxUrlBytes()).isEqualTo(2048);
    assertThat(limits.maxHeaderBytes()).isEqualTo(4096);
    ClickHouseSettings ch = config.storage().clickhouse();
    assertThat(ch.maxExecutionTime()).isEqualTo(Duration.ofSeconds(7));
    assertThat(ch.maxRowsToRead()).isEqualTo(99);
    assertThat(ch.maxResultRows()).isEqualTo(98);
    assertThat(ch.maxResponseBytes()).isEqualTo(4096);
  }

  @Test
  void theQuotaShareComesFromTheReplicaCount() throws Exception {
    assertThat(standalone().tenancy().quotaShare().replicas()).isEqualTo(1);
    assertThat(
            standalone(Map.of("KUBETEL_APISERVER_QUOTA_REPLICAS", "3"))
                .tenancy()
                .quotaShare()
                .of(20))
        .isEqualTo(7);
    assertThatThrownBy(() -> standalone("--quota-replicas=0"))
        .hasMessageContaining("--quota-replicas must be at least 1");
  }

  @Test
  void passwordComesFromFileOrEnvironmentAndIsNeverPrinted() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\n");

    ApiServerConfig fromEnv = standalone(Map.of(ApiServerMain.PASSWORD_ENV, "from-env"));
    ApiServerConfig fromFile =
        standalone(
            Map.of(ApiServerMain.PASSWORD_ENV, "from-env"),
            "--clickhouse-password-file",
            file.toString());

    assertThat(fromEnv.storage().clickhouse().password()).isEqualTo("from-env");
    assertThat(fromFile.storage().clickhouse().password()).isEqualTo("from-file");
    assertThat(fromFile.toString()).doesNotContain("from-file").contains("<redacted>");
    assertThatThrownBy(() -> parse(Map.of(), "--clickhouse-password", "x"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  void rejectsInconsistentModes() {
    assertThatThrownBy(() -> parse(Map.of(), "--standalone")).hasMessageContaining("--state-dir");
    assertThatThrownBy(() -> parse(Map.of())).hasMessageContaining("--tls-cert-file");
    assertThatThrownBy(() -> standalone("--default-window", "8d"))
        .hasMessageContaining("--max-window");
  }

  @Test
  void customResourcesDirIsForStandaloneModeOnly() throws Exception {
    ApiServerConfig config = standalone("--custom-resources-dir", "examples");

    assertThat(((ApiServerConfig.Standalone) config.tls()).customResourcesDir())
        .hasValue(Path.of("examples"));
    assertThat(((ApiServerConfig.Standalone) standalone().tls()).customResourcesDir()).isEmpty();
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(),
                    "--tls-cert-file",
                    "a.crt",
                    "--tls-private-key-file",
                    "a.key",
                    "--custom-resources-dir",
                    "examples"))
        .hasMessageContaining("--custom-resources-dir needs --standalone");
  }

  @Test
  void alertRulesAreEvaluatedOnlyWhenAskedAndOnlyFromTheDirectory() throws Exception {
    ApiServerConfig.Standalone serving =
        (ApiServerConfig.Standalone) standalone("--custom-resources-dir", "examples").tls();
    assertThat(serving.evaluateAlertRules()).isFalse();
    ApiServerConfig.Standalone evaluating =
        (ApiServerConfig.Standalone)
            standalone("--custom-resources-dir", "examples", "--evaluate-alert-rules").tls();
    assertThat(evaluating.evaluateAlertRules()).isTrue();
    assertThatThrownBy(() -> standalone("--evaluate-alert-rules"))
        .hasMessageContaining("--evaluate-alert-rules needs --custom-resources-dir");
    assertThat(standalone().storage().systemDatabase()).isEqualTo("kubetel_system");
    assertThat(standalone("--system-database", "kt_sys").storage().systemDatabase())
        .isEqualTo("kt_sys");
  }

  @Test
  void clusterModeTakesCertificateFiles() throws Exception {
    ApiServerConfig config =
        parse(
            Map.of(),
            "--tls-cert-file",
            "/apiserver.local.config/certificates/apiserver.crt",
            "--tls-private-key-file",
            "/apiserver.local.config/certificates/apiserver.key",
            "--secure-port",
            "0",
            "--watch-poll-interval",
            "5s");

    assertThat(config.tls()).isInstanceOf(ApiServerConfig.Cluster.class);
    assertThat(config.serving().securePort()).isZero();
    assertThat(config.resources().watchPollInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void everyFlagLandsInItsGroup() throws Exception {
    Path keyFile = dir.resolve("continue.key");
    ApiServerConfig config =
        standalone(
            Map.of(ApiServerMain.PASSWORD_ENV, "s3cr3t-pw"),
            "--bind-address",
            "127.0.0.1",
            "--max-request-body-bytes",
            "2048",
            "--clickhouse-url",
            "http://ch:8123",
            "--clickhouse-user",
            "reader",
            "--clickhouse-database",
            "telemetry",
            "--clickhouse-tables",
            "traces=app_spans",
            "--worker-threads",
            "3",
            "--readiness-interval",
            "7s",
            "--max-window",
            "1d",
            "--default-window",
            "1h",
            "--continue-token-key-file",
            keyFile.toString(),
            "--shutdown-timeout",
            "9s",
            "--shutdown-delay",
            "4s");

    assertThat(config.serving()).isEqualTo(new ApiServerConfig.Serving("127.0.0.1", 8443, 2048));
    assertThat(config.tls()).isEqualTo(new ApiServerConfig.Standalone(dir));
    assertThat(config.storage().clickhouse().url()).isEqualTo("http://ch:8123");
    assertThat(config.storage().clickhouse().user()).isEqualTo("reader");
    assertThat(config.storage().clickhouse().database()).isEqualTo("telemetry");
    assertThat(config.storage().clickhouse().tables().name("otel_traces_trace_id_ts"))
        .isEqualTo("app_spans_trace_id_ts");
    assertThat(config.storage().workerThreads()).isEqualTo(3);
    assertThat(config.storage().readinessInterval()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.resources())
        .isEqualTo(
            ResourceSettings.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofSeconds(2)));
    assertThat(config.continueKeyFile()).contains(keyFile);
    assertThat(config.shutdown())
        .isEqualTo(new ApiServerConfig.Shutdown(Duration.ofSeconds(9), Duration.ofSeconds(4)));
    assertThat(config.toString()).doesNotContain("s3cr3t-pw").contains("reader", "<redacted>");
  }

  @Test
  void withoutWindowFlagsTheResourcesGetTheDefaults() throws Exception {
    ApiServerConfig config = standalone();

    assertThat(config.resources()).isEqualTo(ResourceSettings.DEFAULTS);
    assertThat(config.resources().watchPollInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void clusterModeKeepsTheClientCaAndRejectsCertificatesWithStandalone() throws Exception {
    ApiServerConfig config =
        parse(
            Map.of(),
            "--tls-cert-file",
            "tls.crt",
            "--tls-private-key-file",
            "tls.key",
            "--client-ca-file",
            "ca.crt");

    ApiServerConfig.Cluster cluster = (ApiServerConfig.Cluster) config.tls();
    assertThat(cluster.files())
        .isEqualTo(
            new TlsSettings(
                Path.of("tls.crt"), Path.of("tls.key"), java.util.Optional.of(Path.of("ca.crt"))));
    // Delegated authentication and authorization are on by default, with kube's cache TTLs.
    assertThat(cluster.delegation()).isPresent();
    assertThat(cluster.delegation().get().allowCacheTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cluster.delegation().get().metricsGroup()).isEqualTo("system:monitoring");
    ApiServerConfig without =
        parse(
            Map.of(),
            "--tls-cert-file",
            "tls.crt",
            "--tls-private-key-file",
            "tls.key",
            "--delegated-auth=false");
    assertThat(((ApiServerConfig.Cluster) without.tls()).delegation()).isEmpty();
    assertThatThrownBy(() -> standalone("--tls-cert-file", "tls.crt"))
        .hasMessageContaining("do not combine");
  }

  @Test
  void badFlagsAreAUsageErrorAndStartNothing() {
    AtomicBoolean opened = new AtomicBoolean();
    ApiServer.StoreFactory stores =
        clickhouse -> {
          opened.set(true);
          throw new AssertionError("no store may be opened");
        };

    int missingStateDir = ApiServerMain.run(new String[] {"--standalone"}, stores);
    int notAnHttpUrl =
        ApiServerMain.run(
            new String[] {
              "--standalone", "--state-dir", dir.toString(), "--clickhouse-url", "127.0.0.1:8123"
            },
            stores);

    int badTableName =
        ApiServerMain.run(
            new String[] {
              "--standalone", "--state-dir", dir.toString(), "--clickhouse-tables", "logs=a;b"
            },
            stores);

    assertThat(missingStateDir).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(notAnHttpUrl).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badTableName).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThatThrownBy(() -> standalone("--clickhouse-tables", "logs=a;b"))
        .hasMessageContaining("--clickhouse-tables: invalid table name 'a;b' for logs");
    assertThat(opened).isFalse();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void everyFlagHasAnEnvironmentVariableAndFlagsWinOverIt() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("continue.key"), "k".repeat(40));
    Map<String, String> env =
        Map.of(
            "KUBETEL_APISERVER_STANDALONE", "true",
            "KUBETEL_APISERVER_STATE_DIR", dir.toString(),
            "KUBETEL_APISERVER_CLICKHOUSE_URL", "http://from-env:8123",
            "KUBETEL_APISERVER_CLICKHOUSE_USER", "env_reader",
            "KUBETEL_APISERVER_MAX_WINDOW", "2d",
            "KUBETEL_APISERVER_WORKER_THREADS", "5",
            "KUBETEL_APISERVER_CONTINUE_TOKEN_KEY_FILE", keyFile.toString(),
            // A flag of a mixin (limits) reads its variable too.
            "KUBETEL_APISERVER_MAX_ROWS_PER_REQUEST", "777",
            // Blank means unset: the built-in default applies.
            "KUBETEL_APISERVER_CLICKHOUSE_DATABASE", "");

    ApiServerConfig fromEnv = parse(env);
    ApiServerConfig flagsWin =
        parse(env, "--clickhouse-url=http://from-flag:8123", "--max-window", "3h");

    assertThat(fromEnv.tls()).isEqualTo(new ApiServerConfig.Standalone(dir));
    assertThat(fromEnv.storage().clickhouse().url()).isEqualTo("http://from-env:8123");
    assertThat(fromEnv.storage().clickhouse().user()).isEqualTo("env_reader");
    assertThat(fromEnv.storage().clickhouse().database()).isEqualTo("otel");
    assertThat(fromEnv.resources().maxWindow()).isEqualTo(Duration.ofDays(2));
    assertThat(fromEnv.storage().workerThreads()).isEqualTo(5);
    assertThat(fromEnv.continueKeyFile()).contains(keyFile);
    assertThat(fromEnv.serving().limits().maxRowsPerRequest()).isEqualTo(777);
    assertThat(flagsWin.storage().clickhouse().url()).isEqualTo("http://from-flag:8123");
    assertThat(flagsWin.resources().maxWindow()).isEqualTo(Duration.ofHours(3));
    assertThat(flagsWin.storage().clickhouse().user()).isEqualTo("env_reader");
  }

  @Test
  void connectionLimitsHaveDocumentedDefaultsFlagsAndVariables() throws Exception {
    Map<String, String> env =
        Map.of(
            "KUBETEL_APISERVER_STANDALONE", "true",
            "KUBETEL_APISERVER_STATE_DIR", dir.toString(),
            "KUBETEL_APISERVER_CLICKHOUSE_URL", "http://ch:8123",
            "KUBETEL_APISERVER_MAX_CONNECTIONS_PER_CLIENT", "7");
    assertThat(parse(env).serving().connections())
        .isEqualTo(new ConnectionLimits(Duration.ofSeconds(10), 7, 2048));
    assertThat(
            parse(env, "--request-read-timeout", "4s", "--max-connections", "99")
                .serving()
                .connections())
        .isEqualTo(new ConnectionLimits(Duration.ofSeconds(4), 7, 99));
    assertThat(ConnectionLimits.DEFAULTS)
        .isEqualTo(new ConnectionLimits(Duration.ofSeconds(10), 128, 2048));
  }

  @Test
  void everyFlagNamesItsVariableAfterTheFlag() {
    CommandLine commandLine = ApiServerMain.commandLine(new ApiServerMain(Map.of(), c -> null));

    assertThat(EnvironmentDefaults.variable("--clickhouse-url"))
        .isEqualTo("KUBETEL_APISERVER_CLICKHOUSE_URL");
    // Every option but --help/--version has one, and no two share it.
    List<String> variables =
        commandLine.getCommandSpec().options().stream()
            .filter(o -> !o.usageHelp() && !o.versionHelp())
            .map(o -> EnvironmentDefaults.variable(o.longestName()))
            .toList();
    assertThat(variables).doesNotHaveDuplicates().contains("KUBETEL_APISERVER_LOG_LEVEL");
    assertThat(commandLine.getUsageMessage()).contains("KUBETEL_APISERVER_CLICKHOUSE_URL");
  }

  @Test
  void anInvalidEnvironmentValueIsAUsageErrorNamingTheFlag() {
    ApiServerMain main =
        new ApiServerMain(Map.of("KUBETEL_APISERVER_WORKER_THREADS", "many"), c -> null);

    assertThatThrownBy(() -> ApiServerMain.commandLine(main).parseArgs())
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--worker-threads")
        .hasMessageContaining("many");
  }

  @Test
  void logLevelComesFromTheFlagOrTheEnvironment() {
    ApiServerMain fromEnv =
        new ApiServerMain(Map.of("KUBETEL_APISERVER_LOG_LEVEL", "debug"), c -> null);
    ApiServerMain.commandLine(fromEnv).parseArgs();
    ApiServerMain fromFlag =
        new ApiServerMain(Map.of("KUBETEL_APISERVER_LOG_LEVEL", "debug"), c -> null);
    ApiServerMain.commandLine(fromFlag).parseArgs("--log-level=warn");
    ApiServerMain unset = new ApiServerMain(Map.of(), c -> null);
    ApiServerMain.commandLine(unset).parseArgs();

    assertThat(fromEnv.logLevel).isEqualTo(LogLevel.DEBUG);
    assertThat(fromFlag.logLevel).isEqualTo(LogLevel.WARN);
    assertThat(unset.logLevel).isNull(); // the packaged logback.xml (KUBETEL_LOG_LEVEL) decides
    String before = LogLevel.current();
    try {
      LogLevel.ERROR.apply();
      assertThat(LogLevel.current()).isEqualTo("ERROR");
    } finally {
      LogLevel.valueOf(before).apply();
    }
    assertThatThrownBy(() -> ApiServerMain.commandLine(unset).parseArgs("--log-level=loud"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--log-level");
  }
}
