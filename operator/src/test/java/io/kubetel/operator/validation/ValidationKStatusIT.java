package io.kubetel.operator.validation;

import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.alertrule.AlertRuleReconciler;
import io.kubetel.operator.alertrule.AlertRuleValidator;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.KStatusRules;
import io.kubetel.operator.conditions.KStatusRules.Status;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AlertRules and Dashboards as a GitOps tool sees them: the statuses the real reconcilers write
 * (mock API server, queries checked against a real ClickHouse catalog) evaluated with kstatus's
 * rules ({@link KStatusRules}). Valid is Current; invalid is Failed until fixed; not checkable
 * because the stored data cannot be read is InProgress until it can.
 */
@EnableKubernetesMockClient(crud = true)
class ValidationKStatusIT {

  static KubernetesClient client;
  static LocalClickHouse ch;
  static Operator operator;

  /** While set, every catalog lookup waits for it (a slow ClickHouse). */
  static volatile CountDownLatch catalogHeld;

  /** While set, every catalog lookup fails as if ClickHouse were down. */
  static volatile boolean catalogDown;

  @BeforeAll
  static void start() throws IOException {
    ch = LocalClickHouse.start("kstatusit");
    QueryCatalog catalog = KnownData.write(ch);
    QuerySpecChecker checker =
        new QuerySpecChecker(
            ns -> {
              CountDownLatch held = catalogHeld;
              if (held != null) {
                try {
                  held.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              if (catalogDown) {
                // What the real catalog throws when ClickHouse is down.
                throw new StoreUnavailableException("ClickHouse is unreachable: 10.0.0.7", null);
              }
              return Optional.of(catalog);
            });
    EventRecorder events = new EventRecorder(client, Clock.systemUTC());
    MockCluster.namespace(client, KnownData.NAMESPACE);
    // The example Secret: labelled, as Secrets AlertRule receivers use must be.
    client.resource(KnownData.example("shop-alert-receivers-secret.yaml", Secret.class)).create();
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
  }

  @AfterAll
  static void stop() {
    operator.stop();
    ch.close();
    MockCluster.closeBeforeServer(client);
  }

  static <T extends HasMetadata> T example(String file, Class<T> type, String name)
      throws IOException {
    T object = KnownData.example(file, type);
    object.getMetadata().setName(name);
    return object;
  }

  /** The example dashboard's log list panel (logs allow only count and rate). */
  static final int LOG_PANEL = 7;

  static AlertRule rule(String name) throws IOException {
    return example("checkout-error-rate-alert.yaml", AlertRule.class, name);
  }

  static Dashboard dashboard(String name) throws IOException {
    return example("shop-service-overview-dashboard.yaml", Dashboard.class, name);
  }

  static <T extends HasMetadata> T stored(Class<T> type, String name) {
    return client.resources(type).inNamespace(KnownData.NAMESPACE).withName(name).get();
  }

  static List<Condition> conditions(HasMetadata o) {
    return o instanceof AlertRule r
        ? r.getStatus().getConditions()
        : ((Dashboard) o).getStatus().getConditions();
  }

  static Long observedGeneration(HasMetadata o) {
    return o instanceof AlertRule r
        ? r.getStatus().getObservedGeneration()
        : ((Dashboard) o).getStatus().getObservedGeneration();
  }

  /** Waits until the stored object reads as {@code status}; returns it as last read. */
  static <T extends HasMetadata> T awaitKStatus(Class<T> type, String name, Status status) {
    eventually(
        () -> assertThat(KStatusRules.compute(stored(type, name)).status()).isEqualTo(status));
    return stored(type, name);
  }

  static Condition condition(HasMetadata o, String type) {
    return ConditionSet.find(conditions(o), type).orElseThrow();
  }

  static List<String> types(HasMetadata o) {
    return conditions(o).stream().map(Condition::getType).toList();
  }

  @Test
  void newRulesAndDashboardsAreInProgressWhileTheirFirstCheckIsAtWork() throws IOException {
    CountDownLatch hold = new CountDownLatch(1);
    catalogHeld = hold;
    try {
      client.resource(rule("ks-fresh")).create();
      client.resource(dashboard("ks-fresh")).create();
      // kstatus reads an object without status as Current: the first check, still waiting for
      // ClickHouse, must have said it is at work before that.
      for (HasMetadata o :
          List.of(
              awaitKStatus(AlertRule.class, "ks-fresh", Status.InProgress),
              awaitKStatus(Dashboard.class, "ks-fresh", Status.InProgress))) {
        assertThat(condition(o, "Reconciling").getReason()).isEqualTo("FirstReconcile");
        assertThat(KStatusRules.compute(o).message()).contains("first reconciliation");
      }
    } finally {
      catalogHeld = null;
      hold.countDown();
    }
    assertThat(types(awaitKStatus(AlertRule.class, "ks-fresh", Status.Current)))
        .doesNotContain("Reconciling");
    assertThat(types(awaitKStatus(Dashboard.class, "ks-fresh", Status.Current)))
        .doesNotContain("Reconciling");
  }

  @Test
  void validRulesAndDashboardsAreCurrent() throws IOException {
    client.resource(rule("ks-valid")).create();
    client.resource(dashboard("ks-valid")).create();
    for (HasMetadata o :
        List.of(
            awaitKStatus(AlertRule.class, "ks-valid", Status.Current),
            awaitKStatus(Dashboard.class, "ks-valid", Status.Current))) {
      assertThat(condition(o, "Ready").getStatus().name()).isEqualTo("True");
      assertThat(types(o)).contains("Valid").doesNotContain("Reconciling", "Stalled");
      assertThat(observedGeneration(o)).isEqualTo(o.getMetadata().getGeneration());
      assertThat(conditions(o))
          .allSatisfy(
              c ->
                  assertThat(c.getObservedGeneration()).isEqualTo(o.getMetadata().getGeneration()));
    }
  }

  @Test
  void invalidRulesAndDashboardsAreFailedUntilFixed() throws IOException {
    AlertRule badRule = rule("ks-invalid");
    badRule.getSpec().getQuery().setGroupBy(List.of("customer.tier"));
    client.resource(badRule).create();
    Dashboard badDashboard = dashboard("ks-invalid");
    Aggregation logsAggregation =
        badDashboard.getSpec().getPanels().get(LOG_PANEL).getQuery().getAggregation();
    badDashboard.getSpec().getPanels().get(LOG_PANEL).getQuery().setAggregation(Aggregation.P99);
    client.resource(badDashboard).create();

    AlertRule rule = awaitKStatus(AlertRule.class, "ks-invalid", Status.Failed);
    assertThat(KStatusRules.compute(rule).message()).contains("customer.tier");
    assertThat(condition(rule, "Stalled").getReason()).isEqualTo("UnknownAttribute");
    Dashboard dash = awaitKStatus(Dashboard.class, "ks-invalid", Status.Failed);
    assertThat(KStatusRules.compute(dash).message()).contains("spec.panels[" + LOG_PANEL + "]");
    for (HasMetadata o : List.<HasMetadata>of(rule, dash)) {
      assertThat(condition(o, "Ready").getStatus().name()).isEqualTo("False");
      assertThat(condition(o, "Valid").getStatus().name()).isEqualTo("False");
      assertThat(types(o)).doesNotContain("Reconciling");
    }

    client
        .resources(AlertRule.class)
        .inNamespace(KnownData.NAMESPACE)
        .withName("ks-invalid")
        .edit(
            r -> {
              r.getSpec().getQuery().setGroupBy(List.of());
              return r;
            });
    client
        .resources(Dashboard.class)
        .inNamespace(KnownData.NAMESPACE)
        .withName("ks-invalid")
        .edit(
            d -> {
              d.getSpec().getPanels().get(LOG_PANEL).getQuery().setAggregation(logsAggregation);
              return d;
            });
    assertThat(types(awaitKStatus(AlertRule.class, "ks-invalid", Status.Current)))
        .doesNotContain("Stalled", "Reconciling");
    assertThat(types(awaitKStatus(Dashboard.class, "ks-invalid", Status.Current)))
        .doesNotContain("Stalled", "Reconciling");
  }

  @Test
  void uncheckableRulesAndDashboardsAreInProgressUntilTheDataCanBeRead() throws IOException {
    catalogDown = true;
    try {
      client.resource(rule("ks-down")).create();
      client.resource(dashboard("ks-down")).create();
      // (InProgress from the start: FirstReconcile, then the failed check.)
      eventually(
          () -> {
            assertThat(condition(stored(AlertRule.class, "ks-down"), "Reconciling").getReason())
                .isEqualTo("CatalogUnavailable");
            assertThat(condition(stored(Dashboard.class, "ks-down"), "Reconciling").getReason())
                .isEqualTo("CatalogUnavailable");
          });
      for (HasMetadata o :
          List.of(
              awaitKStatus(AlertRule.class, "ks-down", Status.InProgress),
              awaitKStatus(Dashboard.class, "ks-down", Status.InProgress))) {
        Condition reconciling = condition(o, "Reconciling");
        assertThat(reconciling.getReason()).isEqualTo("CatalogUnavailable");
        assertThat(KStatusRules.compute(o).message())
            .contains("ClickHouse cannot be reached")
            .doesNotContain("10.0.0.7");
        assertThat(condition(o, "Valid").getStatus().name()).isEqualTo("Unknown");
        assertThat(types(o)).doesNotContain("Stalled");
      }
    } finally {
      catalogDown = false;
    }
    // The next check (30 s later, or at once on an edit) finds the data readable.
    client
        .resources(AlertRule.class)
        .inNamespace(KnownData.NAMESPACE)
        .withName("ks-down")
        .edit(
            r -> {
              r.getSpec().setInterval("2m");
              return r;
            });
    client
        .resources(Dashboard.class)
        .inNamespace(KnownData.NAMESPACE)
        .withName("ks-down")
        .edit(
            d -> {
              d.getSpec().setTitle("Shop overview, again");
              return d;
            });
    assertThat(types(awaitKStatus(AlertRule.class, "ks-down", Status.Current)))
        .doesNotContain("Reconciling", "Stalled");
    assertThat(types(awaitKStatus(Dashboard.class, "ks-down", Status.Current)))
        .doesNotContain("Reconciling", "Stalled");
  }
}
