package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.RequestLog;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.KStatusRules;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The viewer ClusterRole ships with the install; the operator only binds it (issue 9): it never
 * creates, updates or restores {@code kubetel-telemetry-viewer}. While the role is missing a tenant
 * with viewers keeps its RoleBindings and reports {@code Ready=False}/{@code Stalled=True}, reason
 * {@code ViewerRoleMissing}, saying to install kubetel's RBAC; once the role appears the tenant is
 * Ready without a retry timer, and deleting it again brings the condition back. The canonical role
 * (the YAML the chart and bundle copy) grants read on the telemetry resources and create on
 * queries.
 */
@EnableKubernetesMockClient(crud = true)
class ViewerRoleIT {

  static KubernetesClient client;
  static KubernetesMockServer server;
  static ClickHouseGateway gateway;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
  }

  @AfterAll
  static void close() {
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  @Test
  void theCanonicalRoleReadsTelemetryAndCreatesQueries() {
    ClusterRole role = MockCluster.installViewerRole(client);
    assertThat(role.getMetadata().getName()).isEqualTo(ViewerBindings.CLUSTER_ROLE);
    List<PolicyRule> rules = role.getRules();
    assertThat(rules)
        .anySatisfy(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("telemetry.kubetel.io");
              assertThat(r.getResources())
                  .containsExactlyInAnyOrder(
                      "metrics", "traces", "logs", "alertevents", "anomalies");
              assertThat(r.getVerbs()).containsExactly("get", "list", "watch");
            })
        .anySatisfy(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("telemetry.kubetel.io");
              assertThat(r.getResources()).containsExactly("queries");
              assertThat(r.getVerbs()).containsExactly("create");
            })
        .anySatisfy(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("kubetel.io");
              assertThat(r.getResources()).containsExactlyInAnyOrder("dashboards", "alertrules");
              assertThat(r.getVerbs()).containsExactly("get", "list", "watch");
            });
    assertThat(rules)
        .as("no wildcard, no write besides creating queries")
        .allSatisfy(
            r -> {
              assertThat(r.getResources()).doesNotContain("*");
              assertThat(r.getVerbs()).isSubsetOf("get", "list", "watch", "create");
            });
  }

  @Test
  void aMissingRoleIsReportedNeverCreatedAndTheTenantIsReadyOnceItIsInstalled() throws Exception {
    client.rbac().clusterRoles().withName(ViewerBindings.CLUSTER_ROLE).delete();
    eventually(
        () ->
            assertThat(client.rbac().clusterRoles().withName(ViewerBindings.CLUSTER_ROLE).get())
                .isNull());
    String db = MockCluster.uniqueName("kt_roleit_");
    KubernetesClient operatorClient = RequestLog.operatorClient(client);
    // A long backoff: becoming Ready below must come from the ClusterRole's watch, not a retry.
    Operator operator =
        TestOperators.start(
            operatorClient,
            new io.kubetel.operator.retry.ExponentialBackoff(
                Duration.ofMinutes(5), Duration.ofMinutes(5)),
            new TelemetryTenantReconciler(
                TenantFixtures.clickHouseStorage(gateway),
                new EventRecorder(operatorClient, Clock.systemUTC()),
                Duration.ofHours(1),
                Clock.systemUTC()));
    try {
      MockCluster.namespace(client, "role-ns");
      client.resource(TenantFixtures.tenant("roleless", db, List.of("role-ns"))).create();
      var ready =
          awaitCondition(
              () -> TenantFixtures.condition(client, "roleless", "Ready"),
              "False",
              "ViewerRoleMissing",
              "ClusterRole kubetel-telemetry-viewer does not exist",
              "install kubetel's RBAC");
      assertThat(TenantFixtures.condition(client, "roleless", "Stalled").getReason())
          .isEqualTo("ViewerRoleMissing");
      assertThat(KStatusRules.compute(TenantFixtures.get(client, "roleless")).status())
          .isEqualTo(KStatusRules.Status.Failed);
      assertThat(ready.getMessage()).doesNotContain("Exception");
      // The binding is in place already: access works as soon as the role is installed.
      assertThat(
              client
                  .rbac()
                  .roleBindings()
                  .inNamespace("role-ns")
                  .withName(ViewerBindings.bindingName("roleless"))
                  .get())
          .isNotNull();
      assertThat(TenantFixtures.condition(client, "roleless", "StorageReady").getStatus().name())
          .isEqualTo("True");

      MockCluster.installViewerRole(client);
      awaitCondition(() -> TenantFixtures.condition(client, "roleless", "Ready"), "True", "Ready");

      client.rbac().clusterRoles().withName(ViewerBindings.CLUSTER_ROLE).delete();
      awaitCondition(
          () -> TenantFixtures.condition(client, "roleless", "Ready"),
          "False",
          "ViewerRoleMissing");

      assertThat(
              RequestLog.drain(server)
                  .byOperator()
                  .where(
                      c ->
                          c.resource().equals("clusterroles")
                              && !c.verb().equals("list")
                              && !c.verb().equals("watch")))
          .as("the operator never writes (nor even gets) the ClusterRole")
          .isEmpty();
    } finally {
      operator.stop();
      operatorClient.close();
      gateway.execute("DROP DATABASE IF EXISTS " + db);
    }
  }
}
