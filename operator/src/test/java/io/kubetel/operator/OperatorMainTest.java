package io.kubetel.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Flags become a validated configuration; bad flags get a clear message. */
class OperatorMainTest {

  static OperatorConfig parse(String... args) {
    OperatorMain main = new OperatorMain();
    CommandLine cmd = new CommandLine(main);
    cmd.parseArgs(args);
    return main.config(cmd);
  }

  @Test
  void flagsAndDefaults(@TempDir Path dir) throws IOException {
    Path password = dir.resolve("pw");
    Files.writeString(password, "s3cret\n");
    OperatorConfig c =
        parse(
            "--clickhouse-url=http://ch:8123",
            "--clickhouse-password-file=" + password,
            "--leader-election-namespace=kubetel-system",
            "--retention-interval=30m",
            "--clickhouse-tables=logs=app_logs",
            "--default-database=otel");
    assertThat(c.clickHouseUrl()).isEqualTo("http://ch:8123");
    assertThat(c.clickHousePassword()).isEqualTo("s3cret");
    assertThat(c.toString()).doesNotContain("s3cret");
    assertThat(c.leaderElection()).isTrue();
    assertThat(c.leaseNamespace()).isEqualTo("kubetel-system");
    assertThat(c.leaseName()).isEqualTo("kubetel-operator");
    assertThat(c.managementPort()).isEqualTo(8081);
    assertThat(c.retentionInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.recheckInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.defaultDatabase()).contains("otel");
    assertThat(c.systemDatabase()).isEqualTo("kubetel_system");
    assertThat(c.clickHouseTables().name("otel_logs")).isEqualTo("app_logs");
  }

  @Test
  void leaderElectionCanBeTurnedOffForLocalRuns() {
    OperatorConfig c =
        parse(
            "--clickhouse-url=http://ch:8123",
            "--no-leader-election",
            "--system-database=kubetel_state");
    assertThat(c.leaderElection()).isFalse();
    assertThat(c.systemDatabase()).isEqualTo("kubetel_state");
    assertThat(c.defaultDatabase()).isEmpty();
    assertThat(c.clickHouseTables().toString()).as("the exporter's default names").isEmpty();
  }

  @Test
  void badFlagsAreExplained() {
    assertThatThrownBy(() -> parse("--no-leader-election"))
        .hasMessageContaining("--clickhouse-url");
    assertThatThrownBy(
            () ->
                parse(
                    "--clickhouse-url=http://ch:8123",
                    "--no-leader-election",
                    "--recheck-interval=soon"))
        .hasMessageContaining("--recheck-interval")
        .hasMessageContaining("use integers with units");
    assertThatThrownBy(
            () ->
                parse(
                    "--clickhouse-url=http://ch:8123",
                    "--no-leader-election",
                    "--clickhouse-tables=spans=x"))
        .hasMessageContaining("--clickhouse-tables: unknown table 'spans'");
    assertThatThrownBy(
            () ->
                parse(
                    "--clickhouse-url=http://ch:8123",
                    "--no-leader-election",
                    "--system-database=kubetel-system"))
        .hasMessageContaining("--system-database: \"kubetel-system\" is not a ClickHouse database");
    assertThatThrownBy(
            () ->
                parse(
                    "--clickhouse-url=http://ch:8123",
                    "--no-leader-election",
                    "--default-database=otel",
                    "--system-database=otel"))
        .hasMessageContaining("--system-database must differ from --default-database");
  }

  static final String KUBECONFIG =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Config",
          "clusters: [{name: c, cluster: {server: 'https://10.0.0.1:6443'}}]",
          "users: [{name: u, user: {token: t}}]",
          "contexts: [{name: staging, context: {cluster: c, user: u}},"
              + " {name: prod, context: {cluster: c, user: u}}]",
          "current-context: staging",
          "");

  @Test
  void scaleFlagsLandInTheConfig(@TempDir Path dir) throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, KUBECONFIG);
    OperatorConfig c =
        parse(
            "--clickhouse-url=http://ch:8123",
            "--leader-election-namespace=kubetel-system",
            "--watch-namespaces=shop-checkout,payments",
            "--instance=blue",
            "--lease-duration=30s",
            "--lease-renew-deadline=20s",
            "--lease-retry-period=4s",
            "--kubeconfig=" + kubeconfig,
            "--context=prod");
    assertThat(c.scope().namespaces()).containsExactlyInAnyOrder("shop-checkout", "payments");
    assertThat(c.scope().instance()).contains("blue");
    assertThat(c.scope().labelSelector()).isEqualTo("kubetel.io/instance=blue");
    assertThat(c.leaseTimings())
        .isEqualTo(
            new OperatorConfig.LeaseTimings(
                Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(4)));
    assertThat(c.cluster().kubeconfig()).contains(kubeconfig);
    assertThat(c.cluster().context()).contains("prod");
    assertThat(c.cluster().clientConfig().getMasterUrl()).startsWith("https://10.0.0.1:6443");
    assertThat(c.toString())
        .contains("watchNamespaces=payments,shop-checkout", "instance=blue", "context=prod");
  }

  @Test
  void scaleFlagsDefaultToEverythingAndKubernetesLeaseTimings() {
    OperatorConfig c = parse("--clickhouse-url=http://ch:8123", "--no-leader-election");
    assertThat(c.scope()).isEqualTo(OperatorConfig.Scope.ALL);
    assertThat(c.scope().labelSelector()).isNull();
    assertThat(c.leaseTimings()).isEqualTo(OperatorConfig.LeaseTimings.DEFAULTS);
    assertThat(c.cluster()).isEqualTo(ClusterAccess.DEFAULT);
  }

  static void refused(String message, String... flags) {
    String[] args = new String[flags.length + 2];
    args[0] = "--clickhouse-url=http://ch:8123";
    args[1] = "--no-leader-election";
    System.arraycopy(flags, 0, args, 2, flags.length);
    assertThatThrownBy(() -> parse(args))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining(message);
  }

  @Test
  void badScaleFlagsAreExplained(@TempDir Path dir) throws IOException {
    refused("--watch-namespaces: \"Shop\" is not a namespace name", "--watch-namespaces=a,Shop");
    refused("--watch-namespaces: \"\" is not a namespace name", "--watch-namespaces=a,,b");
    refused("--watch-namespaces: \" b\" is not a namespace name", "--watch-namespaces=a, b");
    refused("--instance: \"blue green\" is not a label value", "--instance=blue green");
    refused("--instance: \"-blue\" is not a label value", "--instance=-blue");
    refused("--lease-duration \"soon\" is not a duration", "--lease-duration=soon");
    refused(
        "--lease-duration must be longer than --lease-renew-deadline",
        "--lease-duration=10s",
        "--lease-renew-deadline=10s");
    refused(
        "--lease-renew-deadline must be longer than 1.2 times --lease-retry-period",
        "--lease-renew-deadline=2s",
        "--lease-retry-period=2s");
    refused("cannot read --kubeconfig", "--kubeconfig=" + dir.resolve("missing"));
    Path notKubeconfig = dir.resolve("not-a-kubeconfig");
    Files.writeString(notKubeconfig, "hello: world\n");
    refused("is not a kubeconfig file: it names no cluster", "--kubeconfig=" + notKubeconfig);
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, KUBECONFIG);
    refused(
        "--context dev is not in [" + kubeconfig + "] (contexts: [prod, staging])",
        "--kubeconfig=" + kubeconfig,
        "--context=dev");
  }

  @Test
  void logLevelFlagSetsTheKubetelLoggersAndRefusesUnknownLevels() {
    ch.qos.logback.classic.Logger kubetel =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.kubetel");
    ch.qos.logback.classic.Level before = kubetel.getLevel();
    try {
      OperatorMain main = new OperatorMain();
      CommandLine cmd = new CommandLine(main);
      cmd.parseArgs("--log-level=debug");
      main.applyLogLevel(cmd);
      assertThat(kubetel.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
    } finally {
      kubetel.setLevel(before);
    }
    OperatorMain loud = new OperatorMain();
    CommandLine cmd = new CommandLine(loud);
    cmd.parseArgs("--log-level=loud");
    assertThatThrownBy(() -> loud.applyLogLevel(cmd))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--log-level must be TRACE, DEBUG, INFO, WARN or ERROR");
  }
}
