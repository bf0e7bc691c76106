package io.kubetel.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.crds.common.Condition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ThrowingRunnable;

/**
 * What the operator ITs do to the fabric8 mock API server and to the shared local ClickHouse again
 * and again: create namespaces, wait for the reconcilers, and name databases so that parallel runs
 * do not collide.
 */
public final class MockCluster {
  /** How long watch close handshakes get before a test's client is closed. */
  private static final Duration WATCH_CLOSE_SETTLE = Duration.ofSeconds(2);

  /** How long a reconcile may take to show before a test gives up. */
  public static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(30);

  private MockCluster() {}

  /** Creates namespace {@code name} with no labels, or leaves it as it is. */
  public static void namespace(KubernetesClient client, String name) {
    namespace(client, name, Map.of());
  }

  /** Creates namespace {@code name} with {@code labels}, or updates it to carry exactly those. */
  public static void namespace(KubernetesClient client, String name, Map<String, String> labels) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .createOr(n -> n.update());
  }

  /**
   * Installs the viewer ClusterRole that kubetel's chart and bundle ship (the operator only binds
   * it), from the canonical YAML in the operator's resources, as an install would.
   */
  public static ClusterRole installViewerRole(KubernetesClient client) {
    try (InputStream yaml =
        MockCluster.class.getResourceAsStream(
            "/io/kubetel/operator/rbac/telemetry-viewer-clusterrole.yaml")) {
      ClusterRole role = client.rbac().clusterRoles().load(yaml).item();
      return client.resource(role).createOr(r -> r.update());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes {@code client} and with it every connection and watch it holds on the mock server: an
   * IT's {@code @AfterAll}, which runs before the mock-server extension shuts the server down (the
   * extension shuts the server down first and closes the client after).
   *
   * <p>It first lets the WebSocket close handshakes of the watches the test's operators stopped
   * finish: an informer's stop only starts its handshake, and a client closed in the middle of one
   * never answers the server's close frame, so the server then waits for it up to its own 10 s
   * limit and fails its shutdown ("Unable to close MockWebServer"; seen on {@code TenantKStatusIT}
   * whose last test stops an operator just before the class ends). The mock server offers no way to
   * observe open WebSockets, hence a bounded pause rather than a wait on a condition.
   */
  public static void closeBeforeServer(KubernetesClient client) {
    if (client == null) {
      return;
    }
    try {
      Thread.sleep(WATCH_CLOSE_SETTLE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  /** Waits until {@code assertion} passes, retrying through exceptions, for a reconcile. */
  public static void eventually(ThrowingRunnable assertion) {
    eventually(RECONCILE_TIMEOUT, assertion);
  }

  /** Waits until {@code assertion} passes, retrying through exceptions, for {@code timeout}. */
  public static void eventually(Duration timeout, ThrowingRunnable assertion) {
    await().ignoreExceptions().atMost(timeout).untilAsserted(assertion);
  }

  /**
   * Waits until the condition {@code read} returns has {@code status} and {@code reason} (null:
   * any) and a message containing {@code messageParts}; returns it as last read.
   */
  public static Condition awaitCondition(
      Supplier<Condition> read, String status, String reason, String... messageParts) {
    return awaitConditionWithin(RECONCILE_TIMEOUT, read, status, reason, messageParts);
  }

  /** As {@link #awaitCondition}, waiting up to {@code timeout}. */
  public static Condition awaitConditionWithin(
      Duration timeout,
      Supplier<Condition> read,
      String status,
      String reason,
      String... messageParts) {
    AtomicReference<Condition> seen = new AtomicReference<>();
    eventually(
        timeout,
        () -> {
          Condition c = read.get();
          assertThat(c).isNotNull();
          if (status != null) {
            assertThat(c.getStatus().name()).as(String.valueOf(c)).isEqualTo(status);
          }
          if (reason != null) {
            assertThat(c.getReason()).as(String.valueOf(c)).isEqualTo(reason);
          }
          if (messageParts.length > 0) {
            assertThat(c.getMessage()).contains(messageParts);
          }
          seen.set(c);
        });
    return seen.get();
  }

  /**
   * {@code prefix} and eight random hex digits: a ClickHouse database name of this run only (the
   * local ClickHouse is shared by every IT).
   */
  public static String uniqueName(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
