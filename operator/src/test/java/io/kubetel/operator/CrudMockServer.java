package io.kubetel.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * A CRUD mock API server and its client for an IT class that starts and stops operators, shut down
 * by the class itself instead of by the JUnit extension. The mock's shutdown waits at most 10 s for
 * every WebSocket peer to answer its close frame; a watch whose JDK-client peer was closed
 * mid-handshake never answers, and the extension then fails a class whose every test passed
 * ("Unable to close MockWebServer", seen on {@code TenantKStatusIT} under load even after {@link
 * MockCluster#closeBeforeServer}'s pause). That wait is the mock's, not the operator's: no real
 * kube-apiserver behaviour is involved, so here it is reported on stderr and the server is left to
 * end with the test JVM.
 */
public final class CrudMockServer implements AutoCloseable {
  private static final String UNCLOSED = "Unable to close MockWebServer";

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private CrudMockServer(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** A started CRUD mock server (plain HTTP on loopback) with a client of it. */
  public static CrudMockServer start() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    return new CrudMockServer(server);
  }

  /** The client of this server. */
  public KubernetesClient client() {
    return client;
  }

  /** Closes the client (after the watch-close pause), then the server. */
  @Override
  public void close() {
    MockCluster.closeBeforeServer(client);
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      if (!UNCLOSED.equals(e.getMessage())) {
        throw e;
      }
      System.err.println(
          "mock API server: a WebSocket peer did not answer the close frame within the mock's"
              + " limit; the server ends with the test JVM");
    }
  }
}
