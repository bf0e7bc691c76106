package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Flag and environment parsing into {@link ApiServerConfig}. */
class ApiServerMainTest {
  @TempDir Path dir;

  private static ApiServerConfig parse(Map<String, String> env, String... args) throws Exception {
    ApiServerMain main = new ApiServerMain(env, config -> null, deps -> List.of());
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  @Test
  void defaultsAndStandalone() throws Exception {
    ApiServerConfig config = parse(Map.of(), "--standalone", "--state-dir", dir.toString());

    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.securePort()).isEqualTo(8443);
    assertThat(config.clickhouseDatabase()).isEqualTo("otel");
    assertThat(config.defaultWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.maxWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.clickhousePassword()).isEmpty();
  }

  @Test
  void passwordComesFromFileOrEnvironmentAndIsNeverPrinted() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\n");

    ApiServerConfig fromEnv =
        parse(
            Map.of(ApiServerMain.PASSWORD_ENV, "from-env"),
            "--standalone",
            "--state-dir",
            dir.toString());
    ApiServerConfig fromFile =
        parse(
            Map.of(ApiServerMain.PASSWORD_ENV, "from-env"),
            "--standalone",
            "--state-dir",
            dir.toString(),
            "--clickhouse-password-file",
            file.toString());

    assertThat(fromEnv.clickhousePassword()).isEqualTo("from-env");
    assertThat(fromFile.clickhousePassword()).isEqualTo("from-file");
    assertThat(fromFile.toString()).doesNotContain("from-file").contains("<redacted>");
    assertThatThrownBy(() -> parse(Map.of(), "--clickhouse-password", "x"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  void rejectsInconsistentModes() {
    assertThatThrownBy(() -> parse(Map.of(), "--standalone")).hasMessageContaining("--state-dir");
    assertThatThrownBy(() -> parse(Map.of())).hasMessageContaining("--tls-cert-file");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(),
                    "--standalone",
                    "--state-dir",
                    dir.toString(),
                    "--default-window",
                    "8d"))
        .hasMessageContaining("--max-window");
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

    assertThat(config.standalone()).isFalse();
    assertThat(config.securePort()).isZero();
    assertThat(config.watchPollInterval()).isEqualTo(Duration.ofSeconds(5));
  }
}
