package io.kubetel.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;

/** Shared JOSDK settings for tests. */
final class OperatorSettings {

  private OperatorSettings() {}

  static void forMockServer(ConfigurationServiceOverrider o, KubernetesClient client) {
    o.withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .checkingCRDAndValidateLocalModel(false)
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false);
  }
}
