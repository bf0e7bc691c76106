package io.kubetel.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

/** What the composition root decides from the configuration without starting anything. */
class OperatorAppTest {

  @Test
  void tenantEventsGoToTheOperatorsNamespace() {
    try (KubernetesClient client = client("from-kubeconfig")) {
      OperatorConfig inCluster =
          OperatorMainTest.parse(
              "--clickhouse-url=http://ch:8123", "--leader-election-namespace=kubetel-system");
      assertThat(OperatorApp.ownNamespace(inCluster, client)).isEqualTo("kubetel-system");
    }
  }

  @Test
  void outsideAClusterWithoutALeaseEventsGoToTheKubeconfigNamespace() {
    OperatorConfig local =
        OperatorMainTest.parse("--clickhouse-url=http://ch:8123", "--no-leader-election");
    // POD_NAMESPACE or a service account file makes this JVM look in-cluster: reported as skipped.
    assumeTrue(
        local.leaseNamespace() == null || local.leaseNamespace().isBlank(),
        "this JVM has a namespace of its own (POD_NAMESPACE or a service account)");
    try (KubernetesClient client = client("from-kubeconfig")) {
      assertThat(OperatorApp.ownNamespace(local, client)).isEqualTo("from-kubeconfig");
    }
    try (KubernetesClient client = client(null)) {
      assertThat(OperatorApp.ownNamespace(local, client)).isEqualTo("default");
    }
  }

  private static KubernetesClient client(String namespace) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:1")
                .withNamespace(namespace)
                .build())
        .build();
  }
}
