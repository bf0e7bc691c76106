package io.kubetel.operator.validation;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.Signal;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.OperatorApp;
import io.kubetel.operator.OperatorConfig;
import io.kubetel.operator.RequestLog;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.alertrule.AlertRuleReconciler;
import io.kubetel.operator.alertrule.AlertRuleValidator;
import io.kubetel.operator.alertrule.ReceiverSecrets;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.dashboard.DashboardReconciler;
import io.kubetel.operator.dashboard.DashboardValidator;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.QuerySpecChecker;
import io.kubetel.operator.query.TenantCatalogs;
import io.kubetel.operator.query.TenantIndex;
import io.kubetel.store.testing.LocalClickHouse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What AlertRule and Dashboard validation asks of the API server, read from the mock server's
 * request log, with the controllers wired as OperatorApp wires them (tenant index, labelled-Secret
 * informer, scope): no tenant list and no Secret read per reconcile, Secrets only through the label
 * selector; a referenced Secret without the label gets a condition saying so, and labelling it
 * re-validates at once; with watched namespaces and an instance, nothing else is reconciled.
 */
@EnableKubernetesMockClient(crud = true)
class ValidationCachesIT {

  static KubernetesClient client;
  static KubernetesMockServer server;
  static LocalClickHouse ch;
  static QueryCatalog catalog;

  KubernetesClient operatorClient;
  TenantIndex index;
  Operator operator;

  @BeforeAll
  static void data() {
    ch = LocalClickHouse.start("cachesit");
    catalog = KnownData.write(ch);
    MockCluster.namespace(client, KnownData.NAMESPACE);
  }

  @AfterAll
  static void dropData() {
    ch.close();
    MockCluster.closeBeforeServer(client);
  }

  @AfterEach
  void stop() {
    operator.stop();
    index.close();
    operatorClient.close();
  }

  /** The two validating controllers as OperatorApp registers them, in {@code scope}, started. */
  void start(OperatorConfig.Scope scope) {
    operatorClient = RequestLog.operatorClient(client);
    index = TenantIndex.start(operatorClient, scope.labelSelector());
    QuerySpecChecker checker =
        new QuerySpecChecker(
            new TenantCatalogs(
                index,
                db -> {
                  assertThat(db).isEqualTo(ch.database());
                  return catalog;
                },
                Optional.empty()));
    EventRecorder events = new EventRecorder(operatorClient, Clock.systemUTC());
    operator = TestOperators.create(operatorClient, o -> {});
    operator.register(
        new AlertRuleReconciler(
            new AlertRuleValidator(checker), events, Clock.systemUTC(), Duration.ofMinutes(10)),
        o -> OperatorApp.scope(o, scope, true));
    operator.register(
        new DashboardReconciler(
            new DashboardValidator(checker), events, Clock.systemUTC(), Duration.ofMinutes(10)),
        o -> OperatorApp.scope(o, scope, true));
    operator.start();
  }

  static AlertRule rule(String namespace, String name) throws IOException {
    AlertRule rule = KnownData.example("checkout-error-rate-alert.yaml", AlertRule.class);
    rule.getMetadata().setNamespace(namespace);
    rule.getMetadata().setName(name);
    return rule;
  }

  static Condition valid(String namespace, String name) {
    AlertRule r = client.resources(AlertRule.class).inNamespace(namespace).withName(name).get();
    return ConditionSet.find(r.getStatus().getConditions(), "Valid").orElseThrow();
  }

  /** Tenant {@code shop} owning the known data's namespace, as its reconciler would leave it. */
  static void shopTenant() {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName("shop");
    t.setSpec(new TelemetryTenantSpec());
    t.getSpec().setNamespaces(List.of(KnownData.NAMESPACE));
    client.resource(t).create();
    client
        .resources(TelemetryTenant.class)
        .withName("shop")
        .editStatus(
            s -> {
              TelemetryTenantStatus status = new TelemetryTenantStatus();
              status.setResolvedNamespaces(List.of(KnownData.NAMESPACE));
              status.setDatabase(ch.database());
              s.setStatus(status);
              return s;
            });
  }

  @Test
  void queryChecksReadTenantsAndSecretsFromCachesOnly() throws Exception {
    start(OperatorConfig.Scope.ALL);
    RequestLog startup = RequestLog.drain(server).byOperator();
    assertThat(startup.where(c -> c.resource().equals("secrets")))
        .as("Secret requests at start")
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.verb()).isIn("list", "watch");
              assertThat(c.labelSelector()).isEqualTo(ReceiverSecrets.SELECTOR);
            });
    client.resource(KnownData.example("shop-alert-receivers-secret.yaml", Secret.class)).create();
    shopTenant();
    eventually(() -> assertThat(index.databaseOf(KnownData.NAMESPACE)).contains(ch.database()));

    client.resource(rule(KnownData.NAMESPACE, "cached-valid")).create();
    AlertRule unknown = rule(KnownData.NAMESPACE, "cached-unknown-metric");
    unknown.getSpec().getQuery().setSignal(Signal.METRICS);
    unknown.getSpec().getQuery().setMetric("http.server.requests.total");
    unknown.getSpec().getQuery().setFilters(List.of());
    unknown.getSpec().getQuery().setGroupBy(List.of());
    client.resource(unknown).create();
    client
        .resource(KnownData.example("shop-service-overview-dashboard.yaml", Dashboard.class))
        .create();
    awaitCondition(() -> valid(KnownData.NAMESPACE, "cached-valid"), "True", null);
    // Only the tenant's data (found through the index) knows this metric is missing.
    awaitCondition(
        () -> valid(KnownData.NAMESPACE, "cached-unknown-metric"), "False", "UnknownMetric");
    // Each edit is a reconcile; none of them asks the API server for tenants or Secrets.
    for (String severity : List.of("critical", "info")) {
      client
          .resources(AlertRule.class)
          .inNamespace(KnownData.NAMESPACE)
          .withName("cached-valid")
          .edit(
              r -> {
                r.getSpec().setSeverity(io.kubetel.crds.alertrule.Severity.valueOf(severity));
                return r;
              });
      eventually(
          () -> {
            AlertRule r =
                client
                    .resources(AlertRule.class)
                    .inNamespace(KnownData.NAMESPACE)
                    .withName("cached-valid")
                    .get();
            assertThat(r.getStatus().getObservedGeneration())
                .isEqualTo(r.getMetadata().getGeneration());
          });
    }
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
  }

  @Test
  void aSecretWithoutTheLabelIsNamedAndLabellingItRevalidatesAtOnce() throws Exception {
    start(OperatorConfig.Scope.ALL);
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("unlabelled-receivers")
                .withNamespace(KnownData.NAMESPACE)
                .endMetadata()
                .withStringData(
                    Map.of(
                        "slack-webhook-url",
                        "https://hooks.example/x",
                        "pagerduty-routing-key",
                        "k",
                        "webhook-url",
                        "https://automation.example/x",
                        "webhook-signing-secret",
                        "s"))
                .build())
        .create();
    AlertRule rule = rule(KnownData.NAMESPACE, "unlabelled");
    rule.getSpec()
        .getReceivers()
        .forEach(
            r -> {
              if (r.getSlack() != null) {
                r.getSlack().getWebhookUrlSecretRef().setName("unlabelled-receivers");
              }
              if (r.getPagerDuty() != null) {
                r.getPagerDuty().getRoutingKeySecretRef().setName("unlabelled-receivers");
              }
              if (r.getWebhook() != null) {
                r.getWebhook().getUrlSecretRef().setName("unlabelled-receivers");
                r.getWebhook().getSigningSecretRef().setName("unlabelled-receivers");
              }
            });
    client.resource(rule).create();
    awaitCondition(
        () -> valid(KnownData.NAMESPACE, "unlabelled"),
        "False",
        "SecretNotFound",
        "Secret unlabelled-receivers does not exist in namespace " + KnownData.NAMESPACE,
        "or lacks the label kubetel.io/alert-receivers=true");

    client
        .secrets()
        .inNamespace(KnownData.NAMESPACE)
        .withName("unlabelled-receivers")
        .edit(
            s -> {
              s.getMetadata().setLabels(Map.of(ReceiverSecrets.LABEL, "true"));
              return s;
            });
    // The recheck interval is 10 minutes: only the Secret informer's event can do this.
    awaitCondition(() -> valid(KnownData.NAMESPACE, "unlabelled"), "True", null);
    RequestLog log = RequestLog.drain(server).byOperator();
    assertThat(log.where(c -> c.resource().equals("secrets")))
        .allSatisfy(
            c -> {
              assertThat(c.verb()).isIn("list", "watch");
              assertThat(c.labelSelector()).isEqualTo(ReceiverSecrets.SELECTOR);
            });
  }

  @Test
  void onlyTheWatchedNamespacesAndTheInstanceAreReconciled() throws Exception {
    RequestLog.drain(server);
    start(new OperatorConfig.Scope(Set.of("team-a"), Optional.of("blue")));
    MockCluster.namespace(client, "team-a");
    MockCluster.namespace(client, "team-b");
    AlertRule blue = rule("team-a", "blue");
    blue.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "blue"));
    AlertRule unlabelled = rule("team-a", "unlabelled");
    AlertRule elsewhere = rule("team-b", "blue");
    elsewhere.getMetadata().setLabels(Map.of(OperatorConfig.INSTANCE_LABEL, "blue"));
    for (HasMetadata r : List.of(unlabelled, elsewhere, blue)) {
      client.resource(r).create();
    }
    awaitCondition(() -> valid("team-a", "blue"), "False", "SecretNotFound");
    Thread.sleep(1000);
    assertThat(
            client
                .resources(AlertRule.class)
                .inNamespace("team-a")
                .withName("unlabelled")
                .get()
                .getStatus())
        .isNull();
    assertThat(
            client
                .resources(AlertRule.class)
                .inNamespace("team-b")
                .withName("blue")
                .get()
                .getStatus())
        .isNull();

    RequestLog log = RequestLog.drain(server).byOperator();
    assertThat(
            log.where(c -> c.resource().equals("alertrules") || c.resource().equals("dashboards")))
        .filteredOn(c -> c.verb().equals("list") || c.verb().equals("watch"))
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.namespace()).isEqualTo("team-a");
              assertThat(c.labelSelector()).isEqualTo("kubetel.io/instance=blue");
            });
    assertThat(log.where(c -> c.resource().equals("secrets")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.namespace()).isEqualTo("team-a"));
    assertThat(log.where(c -> c.resource().equals("telemetrytenants")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.labelSelector()).isEqualTo("kubetel.io/instance=blue"));
  }
}
