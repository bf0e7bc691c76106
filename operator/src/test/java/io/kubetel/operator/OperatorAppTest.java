package io.kubetel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

/** What the composition root decides from the configuration without starting anything. */
class OperatorAppTest {

  @Test
  void tenantEventsGoToTheOperatorsNamespace() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:1")
            .withNamespace("from-kubeconfig")
            .build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      OperatorConfig inCluster =
          OperatorMainTest.parse(
              "--clickhouse-url=http://ch:8123", "--leader-election-namespace=kubetel-system");
      assertThat(OperatorApp.ownNamespace(inCluster, client)).isEqualTo("kubetel-system");
      // Outside a cluster without a Lease: the kubeconfig context's namespace.
      OperatorConfig local =
          OperatorMainTest.parse("--clickhouse-url=http://ch:8123", "--no-leader-election");
      if (local.leaseNamespace() == null) {
        assertThat(OperatorApp.ownNamespace(local, client)).isEqualTo("from-kubeconfig");
      }
    }
  }
}
