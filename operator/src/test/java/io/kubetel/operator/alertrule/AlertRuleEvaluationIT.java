package io.kubetel.operator.alertrule;

import static io.kubetel.operator.MockCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.model.json.Json;
import io.kubetel.operator.ClusterAccess;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.OperatorApp;
import io.kubetel.operator.OperatorConfig;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.store.layout.TableNames;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AlertRules evaluated by the operator as {@link OperatorApp} wires it (the fabric8 mock API
 * server, real ClickHouse): a TelemetryTenant adopts a database holding error spans, a rule whose
 * threshold they cross reaches {@code Firing} in its status (last value, firing series, {@code
 * Evaluated=True}) and its webhook receiver on loopback gets the notification; a rule whose query
 * cannot run (its namespace belongs to no tenant and there is no default database) gets {@code
 * Evaluated=False}/{@code EvaluationFailed} and sends nothing.
 */
@EnableKubernetesMockClient(crud = true)
class AlertRuleEvaluationIT {
  static final String NAMESPACE = "alerts-shop";
  static final String ORPHAN_NAMESPACE = "alerts-orphan";

  /**
   * The first evaluation shows within the rule's interval (5 s); later ones at each reconcile, at
   * least once a minute.
   */
  static final Duration STATUS_TIMEOUT = Duration.ofSeconds(45);

  static KubernetesClient client;
  static LocalClickHouse ch;
  static HttpServer receiver;
  static final List<Map.Entry<String, String>> received = new CopyOnWriteArrayList<>();
  static OperatorApp app;
  static String systemDb;

  @BeforeAll
  static void start() throws IOException {
    ch = LocalClickHouse.start("alertevalit");
    writeErrorSpans();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(Map.entry(exchange.getRequestURI().getPath(), body));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();

    MockCluster.namespace(client, NAMESPACE);
    MockCluster.namespace(client, ORPHAN_NAMESPACE);
    for (String ns : List.of(NAMESPACE, ORPHAN_NAMESPACE)) {
      client
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("receivers")
                  .withNamespace(ns)
                  .withLabels(Map.of("kubetel.io/alert-receivers", "true"))
                  .endMetadata()
                  .withStringData(Map.of("url", receiverUrl("/" + ns)))
                  .build())
          .create();
    }
    systemDb = MockCluster.uniqueName("kt_alertevalit_sys_");
    app =
        OperatorApp.start(
            new OperatorConfig(
                LocalClickHouse.url(),
                "default",
                "",
                TableNames.DEFAULTS,
                Optional.empty(),
                systemDb,
                "127.0.0.1",
                0,
                false,
                "kubetel-system",
                "kubetel-operator",
                "alertevalit",
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                2,
                OperatorConfig.Scope.ALL,
                OperatorConfig.LeaseTimings.DEFAULTS,
                ClusterAccess.DEFAULT,
                OperatorConfig.DEFAULT_CREDENTIALS_NAMESPACE),
            client);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (ch != null) {
      ch.gateway().execute("DROP DATABASE IF EXISTS " + systemDb);
      ch.close();
    }
    MockCluster.closeBeforeServer(client);
  }

  static String receiverUrl(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  /** Three error spans of checkout on route /pay a minute ago, in the tenant's namespace. */
  static void writeErrorSpans() {
    Instant t = Instant.now().minusSeconds(60);
    Map<String, String> resource =
        Map.of("k8s.namespace.name", NAMESPACE, "service.name", "checkout");
    TelemetryBatch batch = new TelemetryBatch();
    for (int i = 0; i < 3; i++) {
      batch.spans.add(
          new TelemetryBatch.Span(
              resource,
              "checkout",
              "0af7651916cd43dd8448eb211c80319" + i,
              "b7ad6b716920333" + i,
              "",
              "POST /pay",
              "Server",
              t.plusSeconds(i),
              5_000_000L,
              "Error",
              "payment failed",
              Map.of("http.route", "/pay"),
              List.of()));
    }
    new TelemetryWriter(ch.gateway(), ch.layout()).write(batch);
  }

  static AlertRule rule(String namespace, String name) {
    String yaml =
        """
        apiVersion: kubetel.io/v1alpha1
        kind: AlertRule
        metadata: {name: %s, namespace: %s}
        spec:
          query:
            signal: traces
            filters: [{key: service, values: [checkout]}]
            aggregation: count
            groupBy: [http.route]
            range: 1h
          condition: {type: Threshold, comparator: GreaterThan, threshold: 2}
          for: 0s
          interval: 5s
          severity: critical
          annotations: {summary: "{{ $value }} checkout spans"}
          receivers:
            - name: hook
              webhook: {urlSecretRef: {name: receivers, key: url}}
        """
            .formatted(name, namespace);
    return client.getKubernetesSerialization().unmarshal(yaml, AlertRule.class);
  }

  static AlertRule stored(String namespace, String name) {
    return client.resources(AlertRule.class).inNamespace(namespace).withName(name).get();
  }

  static Condition evaluated(String namespace, String name) {
    return ConditionSet.find(stored(namespace, name).getStatus().getConditions(), "Evaluated")
        .orElseThrow();
  }

  @Test
  void aCrossedThresholdFiresIntoTheStatusAndReachesTheWebhookABrokenRuleSendsNothing()
      throws IOException {
    TelemetryTenant tenant =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: kubetel.io/v1alpha1
                kind: TelemetryTenant
                metadata: {name: alerts-shop}
                spec:
                  namespaces: [%s]
                  database: %s
                  adoptExistingDatabase: true
                """
                    .formatted(NAMESPACE, ch.database()),
                TelemetryTenant.class);
    client.resource(tenant).create();
    eventually(
        () ->
            assertThat(
                    client
                        .resources(TelemetryTenant.class)
                        .withName("alerts-shop")
                        .get()
                        .getStatus()
                        .getResolvedNamespaces())
                .containsExactly(NAMESPACE));

    client.resource(rule(NAMESPACE, "checkout-spans")).create();
    client.resource(rule(ORPHAN_NAMESPACE, "no-tenant")).create();

    MockCluster.eventually(
        STATUS_TIMEOUT,
        () -> {
          AlertRule r = stored(NAMESPACE, "checkout-spans");
          assertThat(r.getStatus().getState().name()).isEqualTo("Firing");
        });
    AlertRule firing = stored(NAMESPACE, "checkout-spans");
    assertThat(firing.getStatus().getLastValue()).isEqualTo(3.0);
    assertThat(firing.getStatus().getFiringCount()).isEqualTo(1);
    assertThat(firing.getStatus().getFiringSeries())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getLabels()).containsEntry("http.route", "/pay");
              assertThat(s.getValue()).isEqualTo(3.0);
              assertThat(s.getSince()).isNotBlank();
            });
    assertThat(firing.getStatus().getFiringSince()).isNotBlank();
    assertThat(firing.getStatus().getLastEvaluationTime()).isNotBlank();
    Condition ok = evaluated(NAMESPACE, "checkout-spans");
    assertThat(ok.getStatus().name()).isEqualTo("True");
    assertThat(ok.getReason()).isEqualTo("Evaluated");

    eventually(() -> assertThat(received).anyMatch(r -> r.getKey().equals("/" + NAMESPACE)));
    JsonNode body =
        Json.mapper()
            .readTree(
                received.stream()
                    .filter(r -> r.getKey().equals("/" + NAMESPACE))
                    .findFirst()
                    .orElseThrow()
                    .getValue());
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("namespace").asText()).isEqualTo(NAMESPACE);
    assertThat(body.path("rule").asText()).isEqualTo("checkout-spans");
    assertThat(body.toString()).contains("/pay");

    Condition failed =
        MockCluster.awaitConditionWithin(
            STATUS_TIMEOUT,
            () -> evaluated(ORPHAN_NAMESPACE, "no-tenant"),
            "False",
            "EvaluationFailed",
            ORPHAN_NAMESPACE);
    assertThat(failed.getMessage()).doesNotContain("Exception");
    assertThat(stored(ORPHAN_NAMESPACE, "no-tenant").getStatus().getState().name())
        .isEqualTo("Inactive");
    assertThat(received).noneMatch(r -> r.getKey().equals("/" + ORPHAN_NAMESPACE));
  }
}
