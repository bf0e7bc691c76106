package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.OperatorApp;
import io.kubetel.operator.OperatorConfig;
import io.kubetel.operator.ReconcileCounts;
import io.kubetel.operator.RequestLog;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What tenant reconciles ask of the API server, read from the mock server's request log: the
 * RoleBindings, namespaces, peer tenants and the shared ClusterRole come from informer caches (no
 * list or get per reconcile) and the ClusterRole is never written; a namespace event re-queues only
 * the tenants it can affect; with an instance label only labelled tenants are reconciled.
 */
@EnableKubernetesMockClient(crud = true)
class TenantApiLoadIT {

  static KubernetesClient client;
  static KubernetesMockServer server;
  static ClickHouseGateway gateway;
  static String prefix;

  final ReconcileCounts counts = new ReconcileCounts();
  final List<Operator> operators = new ArrayList<>();
  final List<KubernetesClient> operatorClients = new ArrayList<>();

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_loadit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(gateway, prefix);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  @AfterEach
  void stopOperators() {
    operators.forEach(Operator::stop);
    operatorClients.forEach(KubernetesClient::close);
  }

  /** The tenant operator as OperatorApp registers it, in {@code scope}, counting reconciles. */
  Operator start(OperatorConfig.Scope scope) {
    MockCluster.installViewerRole(client);
    KubernetesClient operatorClient = RequestLog.operatorClient(client);
    operatorClients.add(operatorClient);
    Operator operator = TestOperators.create(operatorClient, o -> o.withMetrics(counts));
    operator.register(
        new TelemetryTenantReconciler(
            TenantFixtures.clickHouseStorage(gateway),
            new EventRecorder(operatorClient, Clock.systemUTC()),
            Duration.ofHours(1),
            Clock.systemUTC()),
        o -> OperatorApp.scope(o, scope, false));
    operator.start();
    operators.add(operator);
    return operator;
  }

  static TelemetryTenant selecting(String name, Map<String, String> labels) {
    TelemetryTenant t = TenantFixtures.tenant(name, prefix + name.replace('-', '_'), List.of());
    NamespaceSelector s = new NamespaceSelector();
    s.setMatchLabels(labels);
    t.getSpec().setNamespaceSelector(s);
    return t;
  }

  static void ready(String tenant) {
    awaitCondition(() -> TenantFixtures.condition(client, tenant, "Ready"), "True", null);
  }

  @Test
  void reconcilesReadBindingsNamespacesTenantsAndTheClusterRoleFromCaches() throws Exception {
    start(OperatorConfig.Scope.ALL);
    RequestLog.drain(server); // the informers' first lists and watches
    List<String> names = List.of("cache-a", "cache-b", "cache-c");
    for (String name : names) {
      MockCluster.namespace(client, name + "-ns");
      client
          .resource(
              TenantFixtures.tenant(name, prefix + name.replace('-', '_'), List.of(name + "-ns")))
          .create();
    }
    names.forEach(TenantApiLoadIT::ready);
    // A spec change per tenant: every binding is rewritten, from what the caches hold.
    for (String name : names) {
      client
          .resources(TelemetryTenant.class)
          .withName(name)
          .edit(
              t -> {
                t.getSpec()
                    .setViewers(
                        List.of(
                            new Subject(SubjectKind.Group, name + "-devs", null),
                            new Subject(SubjectKind.Group, name + "-sre", null)));
                return t;
              });
    }
    eventually(
        () ->
            assertThat(names)
                .allSatisfy(
                    name ->
                        assertThat(
                                client
                                    .rbac()
                                    .roleBindings()
                                    .inNamespace(name + "-ns")
                                    .withName(ViewerBindings.bindingName(name))
                                    .get()
                                    .getSubjects())
                            .hasSize(2)));

    RequestLog log = RequestLog.drain(server).byOperator();
    // Event aggregation reads the one Event it updates (by its deterministic name): not a cache
    // miss, and only when a condition changed.
    assertThat(
            log.where(
                c ->
                    (c.verb().equals("list") || c.verb().equals("get"))
                        && !c.resource().equals("events")))
        .as("the operator's reads among %s", log.summary())
        .isEmpty();
    assertThat(
            log.where(
                c ->
                    c.resource().equals("clusterroles")
                        && !c.verb().equals("list")
                        && !c.verb().equals("watch")))
        .as("the ClusterRole ships with the install: the operator only reads it")
        .isEmpty();
    assertThat(log.where(c -> c.resource().equals("rolebindings") && c.verb().equals("update")))
        .hasSize(names.size());
  }

  @Test
  void aNamespaceEventRequeuesOnlyTheTenantsItCanAffect() {
    start(OperatorConfig.Scope.ALL);
    MockCluster.namespace(client, "wake-apps", Map.of("team", "wake-a"));
    MockCluster.namespace(client, "wake-listed-ns");
    client.resource(selecting("wake-a", Map.of("team", "wake-a"))).create();
    client.resource(selecting("wake-b", Map.of("team", "wake-b"))).create();
    client
        .resource(
            TenantFixtures.tenant("wake-listed", prefix + "wake_listed", List.of("wake-listed-ns")))
        .create();
    List.of("wake-a", "wake-b", "wake-listed").forEach(TenantApiLoadIT::ready);
    eventually(
        () ->
            assertThat(TenantFixtures.get(client, "wake-a").getStatus().getResolvedNamespaces())
                .containsExactly("wake-apps"));
    int listedBefore = settled("wake-listed");
    int bBefore = counts.of("wake-b");

    MockCluster.namespace(client, "wake-apps", Map.of("team", "wake-b"));
    eventually(
        () -> {
          assertThat(TenantFixtures.get(client, "wake-b").getStatus().getResolvedNamespaces())
              .containsExactly("wake-apps");
          assertThat(TenantFixtures.get(client, "wake-a").getStatus().getResolvedNamespaces())
              .isEmpty();
        });
    assertThat(counts.of("wake-b")).isGreaterThan(bBefore);
    // An unrelated namespace event (a new namespace without labels) wakes nobody either.
    MockCluster.namespace(client, "wake-unrelated");
    assertThat(settled("wake-listed"))
        .as("reconciles of a tenant neither namespace concerns")
        .isEqualTo(listedBefore);
  }

  /** The reconcile count of {@code tenant} once it stopped changing for two seconds. */
  int settled(String tenant) {
    int[] last = {-1};
    long[] since = {System.nanoTime()};
    eventually(
        () -> {
          int now = counts.of(tenant);
          if (now != last[0]) {
            last[0] = now;
            since[0] = System.nanoTime();
          }
          assertThat(System.nanoTime() - since[0]).isGreaterThan(Duration.ofSeconds(2).toNanos());
        });
    return last[0];
  }

  @Test
  void withAnInstanceOnlyTheTenantsLabelledForItAreReconciled() throws Exception {
    start(new OperatorConfig.Scope(Set.of(), Optional.of("blue")));
    MockCluster.namespace(client, "blue-ns");
    MockCluster.namespace(client, "green-ns");
    TelemetryTenant blue = TenantFixtures.tenant("blue", prefix + "blue", List.of("blue-ns"));
    blue.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "blue"));
    TelemetryTenant green = TenantFixtures.tenant("green", prefix + "green", List.of("green-ns"));
    green.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "green"));
    client.resource(green).create();
    client.resource(blue).create();
    ready("blue");
    Thread.sleep(1000);
    assertThat(TenantFixtures.get(client, "green").getStatus()).isNull();
    assertThat(counts.of("green")).isZero();
  }
}
