package io.kubetel.operator.validation;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.model.query.Signal;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.ReconcileLog;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.alertrule.AlertRuleReconciler;
import io.kubetel.operator.alertrule.AlertRuleValidator;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.dashboard.DashboardReconciler;
import io.kubetel.operator.dashboard.DashboardValidator;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.FakeCatalog;
import io.kubetel.operator.query.QuerySpecChecker;
import io.kubetel.operator.retry.ExponentialBackoff;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AlertRules and Dashboards on the fabric8 mock API server: an object stored without spec (before
 * the schema required one) gets {@code Stalled}/{@code Ready=False}, reason {@code SpecMissing},
 * and is not retried in a loop; a ClickHouse that cannot be read shows as {@code
 * CatalogUnavailable} with a message written for users, never the store's own error text.
 */
@EnableKubernetesMockClient(crud = true)
class SpecMissingAndStoreErrorsIT {

  static final String NAMESPACE = "bare-ns";

  static KubernetesClient client;
  static FakeCatalog catalog;
  static ReconcileLog log;
  static Operator operator;

  @BeforeAll
  static void start() {
    catalog = new FakeCatalog().metric("queue.depth").attribute(Signal.TRACES, "http.route");
    QuerySpecChecker checker = new QuerySpecChecker(ns -> Optional.of(catalog));
    EventRecorder events = new EventRecorder(client, Clock.systemUTC());
    log = new ReconcileLog();
    MockCluster.namespace(client, NAMESPACE);
    operator =
        TestOperators.start(
            client,
            new ExponentialBackoff(Duration.ofMillis(300), Duration.ofSeconds(2)),
            log,
            new AlertRuleReconciler(
                new AlertRuleValidator(checker), events, Clock.systemUTC(), Duration.ofMinutes(10)),
            new DashboardReconciler(
                new DashboardValidator(checker),
                events,
                Clock.systemUTC(),
                Duration.ofMinutes(10)));
  }

  @AfterAll
  static void stop() {
    operator.stop();
    MockCluster.closeBeforeServer(client);
  }

  static Condition condition(Class<? extends HasMetadata> type, String name, String kind) {
    HasMetadata o = client.resources(type).inNamespace(NAMESPACE).withName(name).get();
    List<Condition> conditions =
        o instanceof AlertRule r
            ? r.getStatus().getConditions()
            : ((Dashboard) o).getStatus().getConditions();
    return ConditionSet.find(conditions, kind).orElseThrow();
  }

  static <T extends HasMetadata> T bare(T object, String name) {
    object.getMetadata().setName(name);
    object.getMetadata().setNamespace(NAMESPACE);
    return object;
  }

  @Test
  void objectsWithoutSpecGetAConditionNotARetryLoop() throws InterruptedException {
    AlertRule rule = bare(new AlertRule(), "bare-rule");
    rule.setSpec(null);
    Dashboard dashboard = bare(new Dashboard(), "bare-dashboard");
    dashboard.setSpec(null);
    client.resource(rule).create();
    client.resource(dashboard).create();

    for (Class<? extends HasMetadata> type : List.of(AlertRule.class, Dashboard.class)) {
      String name = type == AlertRule.class ? "bare-rule" : "bare-dashboard";
      awaitCondition(() -> condition(type, name, "Stalled"), "True", "SpecMissing", "spec");
      awaitCondition(() -> condition(type, name, "Ready"), "False", "SpecMissing", "spec");
      assertThat(condition(type, name, "Valid").getReason()).isEqualTo("SpecMissing");
    }
    int rules = log.reconciliations("bare-rule");
    int dashboards = log.reconciliations("bare-dashboard");
    Thread.sleep(3_000); // a retry loop on the 300 ms backoff would reconcile again meanwhile
    assertThat(log.failures("bare-rule")).isEmpty();
    assertThat(log.failures("bare-dashboard")).isEmpty();
    assertThat(log.reconciliations("bare-rule")).isEqualTo(rules);
    assertThat(log.reconciliations("bare-dashboard")).isEqualTo(dashboards);
  }

  @Test
  void anUnreadableStoreIsReportedWithoutItsRawMessage() {
    catalog.failWith(
        new StoreUnavailableException(
            "ClickHouse is unreachable (select): Connect to clickhouse-0.ch.internal:8123 failed",
            null));
    try {
      AlertRule rule = bare(new AlertRule(), "store-down");
      rule.setSpec(
          client
              .getKubernetesSerialization()
              .unmarshal(
                  """
                  query: {signal: metrics, metric: queue.depth, aggregation: avg, range: 5m}
                  condition: {type: Threshold, comparator: GreaterThan, threshold: 10}
                  interval: 1m
                  severity: warning
                  """,
                  io.kubetel.crds.alertrule.AlertRuleSpec.class));
      client.resource(rule).create();
      Condition valid =
          awaitCondition(
              () -> condition(AlertRule.class, "store-down", "Valid"),
              "Unknown",
              "CatalogUnavailable",
              "ClickHouse");
      assertThat(valid.getMessage()).doesNotContain("clickhouse-0", "8123", "Connect to");
      assertThat(condition(AlertRule.class, "store-down", "Ready").getMessage())
          .doesNotContain("clickhouse-0");
    } finally {
      catalog.failWith(null);
    }
  }
}
