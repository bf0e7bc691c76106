package io.kubetel.apiserver.audit;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One audit line per request, with the facts it promises and never a secret. */
class AuditHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger audit = (Logger) LoggerFactory.getLogger("io.kubetel.apiserver.audit");
  private TestApiServer server;

  @BeforeEach
  void start() throws Exception {
    InMemoryTelemetryStore store = new InMemoryTelemetryStore();
    for (int i = 0; i < 3; i++) {
      store.addLog(
          log("log-" + i, "shop", NOW.minusSeconds(60 + i), "INFO", "cart", "hi", "", Map.of()));
    }
    appender.start();
    audit.addAppender(appender);
    server =
        new TestApiServer(
            List.of(),
            w ->
                TelemetryResources.create(
                    store,
                    w,
                    new MutableClock(NOW),
                    ResourceSettings.DEFAULTS,
                    ContinueKey.random()),
            ServerLimits.DEFAULTS);
  }

  @AfterEach
  void stop() throws Exception {
    audit.detachAppender(appender);
    server.close();
  }

  private List<String> lines() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aListIsOneLineWithWhoWhatAndHowMuch() {
    server.get(LOGS + "?labelSelector=service%3Dcart", "application/json");

    await().atMost(Duration.ofSeconds(5)).until(() -> !lines().isEmpty());
    assertThat(lines()).hasSize(1);
    assertThat(lines().get(0))
        .startsWith("event=audit user=tester groups=system:masters verb=list resource=logs")
        .contains(" namespace=shop name=- code=200 duration_ms=")
        .contains(" rows_read=3 tenant=-");
  }

  @Test
  void noTokenPasswordOrQueryStringReachesTheLine() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    client.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:"
                        + server.port()
                        + LOGS
                        + "/log-1?password=hunter2&labelSelector=token%3Dsecret"))
            .header("Authorization", "Bearer s3cr3t-t0ken")
            .header("X-Remote-Extra-Password", "hunter2")
            .header("X-Client-Certificate", "-----BEGIN CERTIFICATE-----")
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    server.send(HttpMethod.POST, LOGS, "application/json", "application/json", "{\"x\":1}");

    await().atMost(Duration.ofSeconds(5)).until(() -> lines().size() >= 2);
    assertThat(lines().get(0)).contains(" verb=get ").contains(" name=log-1 ");
    assertThat(String.join("\n", lines()))
        .doesNotContain("s3cr3t", "hunter2", "secret", "Bearer", "CERTIFICATE", "password");
  }

  @Test
  void valuesThatCouldBreakTheLineAreQuoted() {
    StringBuilder line = new StringBuilder();
    AuditHandler.field(line, "user", "eve\" code=200\nforged");
    AuditHandler.field(line, "tenant", null);

    assertThat(line.toString())
        .isEqualTo(" user=\"eve\\\" code=200\\u000aforged\" tenant=-")
        .doesNotContain("\n");
  }
}
