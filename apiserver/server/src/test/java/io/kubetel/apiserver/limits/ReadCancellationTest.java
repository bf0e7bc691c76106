package io.kubetel.apiserver.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Reply;
import io.kubetel.model.store.ReadScope;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A storage read is told to stop when its request is abandoned (deadline passed, client gone): the
 * production router and handlers run the read in the request's {@link ReadScope}, whose
 * cancellation is what makes the ClickHouse store kill the running query ({@code
 * ReadCancellationIT} in the store module shows that half against ClickHouse).
 */
class ReadCancellationTest {
  private static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";

  private final InMemoryTelemetryStore store = new InMemoryTelemetryStore();
  private final CountDownLatch reading = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<ReadScope> seen = new AtomicReference<>();
  private TestApiServer server;

  @AfterEach
  void stop() throws Exception {
    stopped.countDown(); // never leave a worker blocked
    if (server != null) {
      server.close();
    }
  }

  /** Every read registers a stop hook in its scope and blocks until the hook ran (10 s at most). */
  private void start(Duration requestTimeout) throws Exception {
    store.failWith(
        () -> {
          ReadScope scope = ReadScope.current();
          seen.set(scope);
          try (ReadScope.Registration r = scope.onCancel(stopped::countDown)) {
            reading.countDown();
            stopped.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new StoreUnavailableException("stopped", null);
        });
    server =
        new TestApiServer(
            List.of(),
            w ->
                TelemetryResources.create(
                    store, w, Clock.systemUTC(), ResourceSettings.DEFAULTS, ContinueKey.random()),
            ServerLimits.DEFAULTS.withWork(requestTimeout, Long.MAX_VALUE));
  }

  @Test
  void aReadStillRunningAtTheDeadlineIsCancelledAndTheClientGetsATimeout() throws Exception {
    start(Duration.ofMillis(700));

    Reply reply = server.get(LOGS + "?limit=5", "application/json");

    assertThat(reply.status()).as(reply.body()).isEqualTo(504);
    assertThat(reply.json().path("reason").asText()).isEqualTo("Timeout");
    assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the read was told to stop").isTrue();
    // The read ran with the request's deadline, which is what reaches ClickHouse.
    assertThat(seen.get()).isNotSameAs(ReadScope.NONE);
    assertThat(seen.get().remaining()).isPresent();
    assertThat(seen.get().remaining().get()).isLessThan(Duration.ofMillis(700));
  }

  @Test
  void aReadIsCancelledWhenItsClientCloses() throws Exception {
    start(Duration.ofMinutes(1));

    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + LOGS
                  + "?limit=5 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(reading.await(10, TimeUnit.SECONDS)).as("the read started").isTrue();
      assertThat(stopped.getCount()).as("not cancelled while the client waits").isEqualTo(1);
    }

    assertThat(stopped.await(5, TimeUnit.SECONDS))
        .as("the read was told to stop once its client left, long before the 1 min deadline")
        .isTrue();
    // The server answers the next request as usual.
    store.failWith(null);
    assertThat(server.get(LOGS + "?limit=5", "application/json").status()).isEqualTo(200);
  }
}
