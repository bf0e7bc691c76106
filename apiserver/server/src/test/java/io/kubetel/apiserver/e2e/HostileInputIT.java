package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.e2e.hostile.HostileRequest;
import io.kubetel.apiserver.e2e.hostile.HostileRequests;
import io.kubetel.apiserver.e2e.hostile.HostileSuite;
import io.kubetel.store.testing.LocalClickHouse;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite against the production server process over real ClickHouse: the matrix of
 * input field × attack class ({@link HostileRequests}) gets no 5xx, always a Status with a message,
 * and never a row outside the caller's namespace or for a value no telemetry has. The mutation
 * check runs the same suite against a server whose SQL literal escaping is switched off ({@code
 * io.kubetel.store.sql.UnescapedLiteralsServerMain}) and asserts that the suite reports failures
 * there, so it is known to bite.
 */
class HostileInputIT {
  private static final int GENERATED_PER_FIELD = 12;

  private static LocalClickHouse clickhouse;
  private static Path work;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("hostile_input");
    clickhouse.writer().write(KnownTelemetry.build(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-hostile-");
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(clickhouse);
  }

  private static HostileSuite.Outcome runAgainst(String name, String mainClass) throws Exception {
    ApiServerProcess server =
        ApiServerProcess.start(
            work.resolve(name),
            mainClass,
            List.of(
                "--clickhouse-url",
                LocalClickHouse.url(),
                "--clickhouse-database",
                clickhouse.database(),
                // Every request must reach the handlers, not stop at the per-user rate quota.
                "--untenanted-requests-per-second",
                "100000"));
    try {
      HttpClient client = server.httpClient(true);
      List<HostileRequest> requests = HostileRequests.all(GENERATED_PER_FIELD);
      HostileSuite.Outcome outcome = HostileSuite.run(client, server.baseUrl(), requests);
      // Still responsive after the whole suite.
      assertThat(server.get(client, "/livez", java.util.Map.of()).statusCode()).isEqualTo(200);
      return outcome;
    } finally {
      server.stop();
    }
  }

  @Test
  void hostileRequestsGetStatusesAndNeverForeignRows() throws Exception {
    HostileSuite.Outcome outcome = runAgainst("escaped", "io.kubetel.apiserver.ApiServerMain");

    System.out.println("hostile-input suite: " + outcome.requests() + " requests");
    assertThat(outcome.requests()).isGreaterThanOrEqualTo(500);
    assertThat(outcome.violations()).as("violations of %d requests", outcome.requests()).isEmpty();
  }

  @Test
  void theSuiteFailsWhenLiteralEscapingIsSwitchedOff() throws Exception {
    HostileSuite.Outcome outcome =
        runAgainst("unescaped", "io.kubetel.store.sql.UnescapedLiteralsServerMain");

    System.out.println(
        "hostile-input suite against unescaped literals: "
            + outcome.violations().size()
            + " of "
            + outcome.requests()
            + " requests fail");
    outcome.violations().stream().limit(5).forEach(v -> System.out.println("  " + v));
    assertThat(outcome.violations()).isNotEmpty();
  }
}
