package io.kubetel.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;

/** Shared JOSDK settings for tests. */
final class OperatorSettings {

  private OperatorSettings() {}

  /** Production's way of writing ({@link OperatorApp#writes}), without checking the CRDs. */
  static void forMockServer(ConfigurationServiceOverrider o, KubernetesClient client) {
    OperatorApp.writes(o, client).checkingCRDAndValidateLocalModel(false);
  }
}
