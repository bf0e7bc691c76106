package io.kubetel.operator.validation;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.alertrule.AlertRuleReconciler;
import io.kubetel.operator.alertrule.AlertRuleValidator;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.dashboard.DashboardReconciler;
import io.kubetel.operator.dashboard.DashboardValidator;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.QuerySpecChecker;
import io.kubetel.store.testing.LocalClickHouse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AlertRule and Dashboard reconcilers on the fabric8 mock API server, validating queries against a
 * real ClickHouse catalog: valid objects become Valid/Ready, invalid ones get a precise Valid=False
 * reason and message, and fixing the spec clears it.
 */
@EnableKubernetesMockClient(crud = true)
class AlertRuleAndDashboardValidationIT {

  static KubernetesClient client;
  static LocalClickHouse ch;
  static Operator operator;

  @BeforeAll
  static void start() throws IOException {
    ch = LocalClickHouse.start("validationit");
    QueryCatalog catalog = KnownData.write(ch);
    QuerySpecChecker checker = new QuerySpecChecker(ns -> Optional.of(catalog));
    EventRecorder events = new EventRecorder(client, Clock.systemUTC());
    MockCluster.namespace(client, KnownData.NAMESPACE);
    operator =
        TestOperators.start(
            client,
            new AlertRuleReconciler(
                new AlertRuleValidator(checker), events, Clock.systemUTC(), Duration.ofMinutes(10)),
            new DashboardReconciler(
                new DashboardValidator(checker),
                events,
                Clock.systemUTC(),
                Duration.ofMinutes(10)));
    // The examples' receivers Secret, as the example has it (labelled for the operator to see).
    client.resource(KnownData.example("shop-alert-receivers-secret.yaml", Secret.class)).create();
  }

  @AfterAll
  static void stop() {
    operator.stop();
    ch.close();
    MockCluster.closeBeforeServer(client);
  }

  static <T extends HasMetadata> T stored(Class<T> type, String name) {
    return client.resources(type).inNamespace(KnownData.NAMESPACE).withName(name).get();
  }

  /** Edits AlertRule {@code name} the way a user would, with {@code change}. */
  static void editRule(String name, UnaryOperator<AlertRule> change) {
    client.resources(AlertRule.class).inNamespace(KnownData.NAMESPACE).withName(name).edit(change);
  }

  static Condition valid(Class<? extends HasMetadata> type, String name) {
    var o = stored(type, name);
    List<Condition> conditions =
        o instanceof AlertRule r
            ? r.getStatus().getConditions()
            : ((Dashboard) o).getStatus().getConditions();
    return ConditionSet.find(conditions, "Valid").orElseThrow();
  }

  @Test
  void theExampleAlertRulesAreValidAndReady() throws IOException {
    for (String file :
        List.of(
            "checkout-error-rate-alert.yaml",
            "checkout-latency-p99-alert.yaml",
            "checkout-latency-anomaly-alert.yaml")) {
      AlertRule rule = KnownData.example(file, AlertRule.class);
      client.resource(rule).create();
      awaitCondition(() -> valid(AlertRule.class, rule.getMetadata().getName()), "True", null);
      AlertRule stored = stored(AlertRule.class, rule.getMetadata().getName());
      assertThat(stored.getStatus().getState().name()).isEqualTo("Inactive");
      assertThat(
              ConditionSet.find(stored.getStatus().getConditions(), "Ready")
                  .orElseThrow()
                  .getStatus()
                  .name())
          .isEqualTo("True");
    }
  }

  @Test
  void unknownMetricAndUnknownGroupByAttributeAreNamedPrecisely() throws IOException {
    AlertRule metric = KnownData.example("checkout-latency-p99-alert.yaml", AlertRule.class);
    metric.getMetadata().setName("unknown-metric");
    metric.getSpec().getQuery().setSignal(io.kubetel.model.query.Signal.METRICS);
    metric.getSpec().getQuery().setMetric("http.server.requests.total");
    metric.getSpec().getQuery().setFilters(List.of());
    metric.getSpec().getQuery().setGroupBy(List.of());
    client.resource(metric).create();

    AlertRule attr = KnownData.example("checkout-latency-p99-alert.yaml", AlertRule.class);
    attr.getMetadata().setName("unknown-attribute");
    attr.getSpec().getQuery().setGroupBy(List.of("customer.tier"));
    client.resource(attr).create();

    awaitCondition(
        () -> valid(AlertRule.class, "unknown-metric"),
        "False",
        "UnknownMetric",
        "spec.query.metric",
        "http.server.requests.total",
        KnownData.NAMESPACE);
    awaitCondition(
        () -> valid(AlertRule.class, "unknown-attribute"),
        "False",
        "UnknownAttribute",
        "spec.query.groupBy[0]",
        "customer.tier");
    assertThat(client.v1().events().inNamespace(KnownData.NAMESPACE).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getInvolvedObject().getName()).isEqualTo("unknown-metric");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("UnknownMetric");
            });
  }

  @Test
  void missingSecretKeyAndBadDurationThenFixed() throws IOException {
    AlertRule rule = KnownData.example("checkout-error-rate-alert.yaml", AlertRule.class);
    rule.getMetadata().setName("broken-then-fixed");
    rule.getSpec().getReceivers().get(1).getPagerDuty().getRoutingKeySecretRef().setKey("pd-key");
    client.resource(rule).create();
    awaitCondition(
        () -> valid(AlertRule.class, "broken-then-fixed"),
        null,
        "SecretKeyNotFound",
        "spec.receivers[1].pagerDuty.routingKeySecretRef",
        "has no key pd-key");

    // The API server's schema would reject this; the reconciler still never throws on it.
    editRule(
        "broken-then-fixed",
        r -> {
          r.getSpec()
              .getReceivers()
              .get(1)
              .getPagerDuty()
              .getRoutingKeySecretRef()
              .setKey("pagerduty-routing-key");
          r.getSpec().getQuery().setRange("5 minutes");
          return r;
        });
    awaitCondition(
        () -> valid(AlertRule.class, "broken-then-fixed"),
        null,
        "InvalidDuration",
        "spec.query.range",
        "5 minutes");

    editRule(
        "broken-then-fixed",
        r -> {
          r.getSpec().getQuery().setRange("5m");
          return r;
        });
    awaitCondition(() -> valid(AlertRule.class, "broken-then-fixed"), "True", null);
  }

  @Test
  void theExampleDashboardIsValidAndCountsItsPanels() throws IOException {
    Dashboard d = KnownData.example("shop-service-overview-dashboard.yaml", Dashboard.class);
    client.resource(d).create();
    awaitCondition(() -> valid(Dashboard.class, d.getMetadata().getName()), "True", null);
    Dashboard stored = stored(Dashboard.class, d.getMetadata().getName());
    assertThat(stored.getStatus().getPanelCount()).isEqualTo(8);
  }

  @Test
  void anInvalidDashboardNamesItsFirstBadPanel() throws IOException {
    Dashboard d = KnownData.example("shop-service-overview-dashboard.yaml", Dashboard.class);
    d.getMetadata().setName("bad-panels");
    d.getSpec().getPanels().get(4).getQuery().setGroupBy(List.of("customer.tier"));
    d.getSpec()
        .getPanels()
        .get(7)
        .getQuery()
        .setAggregation(io.kubetel.model.query.Aggregation.P99);
    client.resource(d).create();
    Condition c =
        awaitCondition(
            () -> valid(Dashboard.class, "bad-panels"),
            "False",
            "UnknownAttribute",
            "customer.tier",
            "spec.panels[7] \"Error logs\".query.aggregation");
    assertThat(c.getMessage())
        .startsWith("spec.panels[4] \"Server request duration (p95)\".query.groupBy[0]");
  }
}
