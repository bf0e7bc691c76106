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
}
