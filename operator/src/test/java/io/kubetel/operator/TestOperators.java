package io.kubetel.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.util.function.Consumer;

/**
 * Starts JOSDK operators against the fabric8 mock API server: the mock server does not speak
 * server-side apply, so status and dependents are patched without it (see environment.md).
 */
public final class TestOperators {

  private TestOperators() {}

  /**
   * An operator on the mock server with {@code settings} applied on top (metrics, say), nothing
   * registered and not started: the caller registers its reconcilers (with their overrides) and
   * starts it.
   */
  public static Operator create(
      KubernetesClient client, Consumer<ConfigurationServiceOverrider> settings) {
    return new Operator(
        o -> {
          OperatorSettings.forMockServer(o, client);
          settings.accept(o);
        });
  }

  /** An operator with {@code reconcilers} registered as they declare themselves, and started. */
  public static Operator start(KubernetesClient client, Reconciler<?>... reconcilers) {
    return start(client, null, reconcilers);
  }

  /**
   * An operator with {@code reconcilers} registered with {@code retry} instead of the retry they
   * declare (tests shorten the backoff), and started.
   */
  public static Operator start(KubernetesClient client, Retry retry, Reconciler<?>... reconcilers) {
    return start(client, retry, Metrics.NOOP, reconcilers);
  }

  /**
   * An operator as {@link #start(KubernetesClient, Retry, Reconciler[])} makes it, reporting to
   * {@code metrics} (e.g. a {@link ReconcileLog}), and started.
   */
  public static Operator start(
      KubernetesClient client, Retry retry, Metrics metrics, Reconciler<?>... reconcilers) {
    Operator operator =
        new Operator(o -> OperatorSettings.forMockServer(o.withMetrics(metrics), client));
    for (Reconciler<?> r : reconcilers) {
      if (retry == null) {
        operator.register(r);
      } else {
        operator.register(r, o -> o.withRetry(retry));
      }
    }
    operator.start();
    return operator;
  }
}
