package io.kubetel.apiserver.testing;

import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the handler tests that serve one in-memory store over HTTP for the whole class: the
 * subclass fills {@link #store} and starts {@link #server} in its {@code @BeforeAll}; the server is
 * closed here after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreServerTest {
  /** The time the test data is built around and the server's clock starts at. */
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  protected final InMemoryTelemetryStore store = new InMemoryTelemetryStore();
  protected TestApiServer server;

  @AfterAll
  void stopServer() throws Exception {
    server.close();
  }
}
