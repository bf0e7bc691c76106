package io.kubetel.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;

/**
 * Starts JOSDK operators against the fabric8 mock API server: the mock server does not speak
 * server-side apply, so status and dependents are patched without it (see environment.md).
 */
public final class TestOperators {

  private TestOperators() {}

  /** An operator with {@code reconcilers} registered and started. */
  public static Operator start(KubernetesClient client, Reconciler<?>... reconcilers) {
    Operator operator = new Operator(o -> OperatorSettings.forMockServer(o, client));
    for (Reconciler<?> r : reconcilers) {
      operator.register(r);
    }
    operator.start();
    return operator;
  }
}
