package io.kubetel.operator;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleSpec;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.dashboard.DashboardSpec;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.store.layout.TableNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No failure path puts a raw exception text into a status: the whole operator (as main() wires it)
 * against a ClickHouse that cannot be reached, an unresolvable host name and a closed local port.
 * The AlertRule's, the Dashboard's and the tenant's conditions say that ClickHouse cannot be
 * reached and what happens next; the host name, the port and the client's wording ("Connect to",
 * "UnknownHost", "refused") stay in the operator's log.
 */
@EnableKubernetesMockClient(crud = true)
class StoreErrorTextIT {

  static KubernetesClient client;

  static final String UNRESOLVABLE_HOST = "kubetel-clickhouse-0.no-such-zone.invalid";

  @AfterAll
  static void closeClient() {
    MockCluster.closeBeforeServer(client);
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static OperatorConfig config(String clickHouseUrl) {
    return new OperatorConfig(
        clickHouseUrl,
        "default",
        "",
        TableNames.DEFAULTS,
        // Namespaces of no tenant (yet) read this database: the rules' checks need its catalog.
        Optional.of("otel"),
        "kubetel_system",
        "127.0.0.1",
        0,
        false,
        "kubetel-system",
        "kubetel-operator",
        "replica-1",
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        2,
        OperatorConfig.Scope.ALL,
        OperatorConfig.LeaseTimings.DEFAULTS,
        ClusterAccess.DEFAULT,
        OperatorConfig.DEFAULT_CREDENTIALS_NAMESPACE);
  }

  static List<Condition> conditions(HasMetadata o) {
    if (o instanceof AlertRule r) {
      return r.getStatus().getConditions();
    }
    if (o instanceof Dashboard d) {
      return d.getStatus().getConditions();
    }
    return ((TelemetryTenant) o).getStatus().getConditions();
  }

  static Condition condition(Class<? extends HasMetadata> type, String ns, String name, String c) {
    HasMetadata o =
        ns == null
            ? client.resources(type).withName(name).get()
            : client.resources(type).inNamespace(ns).withName(name).get();
    return ConditionSet.find(conditions(o), c).orElseThrow();
  }

  void assertWrittenForUsers(String ns, String host, String port) {
    String rule = ns + "-rule";
    String dash = ns + "-dash";
    AlertRule r = new AlertRule();
    r.getMetadata().setName(rule);
    r.getMetadata().setNamespace(ns);
    r.setSpec(
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                query: {signal: metrics, metric: queue.depth, aggregation: avg, range: 5m}
                condition: {type: Threshold, comparator: GreaterThan, threshold: 10}
                interval: 1m
                severity: warning
                """,
                AlertRuleSpec.class));
    client.resource(r).create();
    Dashboard d = new Dashboard();
    d.getMetadata().setName(dash);
    d.getMetadata().setNamespace(ns);
    d.setSpec(
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                title: Queue
                panels:
                  - title: depth
                    type: TimeSeries
                    query: {signal: metrics, metric: queue.depth, aggregation: avg, range: 5m}
                """,
                DashboardSpec.class));
    client.resource(d).create();
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(ns);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(List.of(ns));
    t.setSpec(spec);
    client.resource(t).create();

    List<Condition> written =
        List.of(
            awaitCondition(
                () -> condition(AlertRule.class, ns, rule, "Valid"),
                "Unknown",
                "CatalogUnavailable",
                "ClickHouse cannot be reached"),
            condition(AlertRule.class, ns, rule, "Ready"),
            awaitCondition(
                () -> condition(Dashboard.class, ns, dash, "Valid"),
                "Unknown",
                "CatalogUnavailable",
                "ClickHouse cannot be reached"),
            condition(Dashboard.class, ns, dash, "Ready"),
            awaitCondition(
                () -> condition(TelemetryTenant.class, null, ns, "StorageReady"),
                "False",
                "StorageUnavailable",
                "ClickHouse cannot be reached",
                "retrying in"),
            condition(TelemetryTenant.class, null, ns, "Ready"));
    assertThat(written)
        .allSatisfy(
            c ->
                assertThat(c.getMessage())
                    .as(c.getType())
                    .doesNotContain(
                        host,
                        ":" + port,
                        "Connect to",
                        "UnknownHost",
                        "refused",
                        "Exception",
                        "http://"));
  }

  @Test
  void anUnresolvableHostIsNeverNamedInAStatus() {
    MockCluster.namespace(client, "dns-ns");
    try (OperatorApp app =
        OperatorApp.start(config("http://" + UNRESOLVABLE_HOST + ":8123"), client)) {
      assertWrittenForUsers("dns-ns", UNRESOLVABLE_HOST, "8123");
    }
  }

  @Test
  void aClosedPortIsNeverNamedInAStatus() throws IOException {
    MockCluster.namespace(client, "port-ns");
    String port = String.valueOf(closedPort());
    try (OperatorApp app = OperatorApp.start(config("http://127.0.0.1:" + port), client)) {
      assertWrittenForUsers("port-ns", "127.0.0.1", port);
    }
  }
}
