package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Crafted AlertRules the CRD schema must reject, each with the error a user would see. */
class AlertRuleSchemaTest {

  static final CrdSchema CRD = CrdSchema.load("alertrules");

  static ObjectNode rule() {
    return CrdSchema.yaml(
        """
        apiVersion: kubetel.io/v1alpha1
        kind: AlertRule
        metadata: {name: errors, namespace: shop}
        spec:
          query:
            signal: metrics
            metric: http.server.request.duration
            aggregation: p99
            range: 5m
          condition: {type: Threshold, comparator: GreaterThan, threshold: 0.5}
          for: 5m
          receivers:
            - name: slack
              slack:
                webhookUrlSecretRef: {name: receivers, key: slack-url}
        """);
  }

  @Test
  void aValidRuleIsAccepted() {
    assertThat(CRD.validate(rule())).isEmpty();
  }

  @Test
  void metricsQueriesNeedAMetric() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("query")).remove("metric");
    CRD.assertRejects(r, "query.metric is required when query.signal is metrics");
  }

  @Test
  void rejectsUnknownSignalAndAggregation() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("query")).put("signal", "events");
    CRD.assertRejects(r, "signal");
    r = rule();
    ((ObjectNode) spec(r).get("query")).put("aggregation", "median");
    CRD.assertRejects(r, "aggregation");
  }

  @Test
  void rejectsBadDurations() {
    ObjectNode r = rule();
    spec(r).put("for", "five minutes");
    CRD.assertRejects(r, "for");
    r = rule();
    ((ObjectNode) spec(r).get("query")).put("range", "-5m");
    CRD.assertRejects(r, "range");
    r = rule();
    spec(r).put("interval", "0s");
    CRD.assertRejects(r, "interval must be greater than zero");
  }

  @Test
  void thresholdConditionsNeedComparatorAndThreshold() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("condition")).remove("threshold");
    CRD.assertRejects(r, "comparator and threshold are required");
    r = rule();
    ((ObjectNode) spec(r).get("condition")).put("comparator", ">");
    CRD.assertRejects(r, "comparator");
  }

  @Test
  void receiversNeedExactlyOneTargetAndUniqueNames() {
    ObjectNode r = rule();
    ObjectNode receiver = (ObjectNode) spec(r).get("receivers").get(0);
    receiver
        .putObject("pagerDuty")
        .putObject("routingKeySecretRef")
        .put("name", "receivers")
        .put("key", "pd");
    CRD.assertRejects(r, "exactly one of slack, pagerDuty or webhook");
    r = rule();
    spec(r).withArray("receivers").add(spec(r).get("receivers").get(0).deepCopy());
    CRD.assertRejects(r, "receiver names must be unique");
  }

  @Test
  void secretsCannotBeInline() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).at("/receivers/0/slack")).put("webhookUrl", "https://hooks.example/x");
    CRD.assertRejects(r, "webhookUrl");
    r = rule();
    ((ObjectNode) spec(r).at("/receivers/0/slack")).remove("webhookUrlSecretRef");
    CRD.assertRejects(r, "webhookUrlSecretRef");
  }

  @Test
  void severityIsAnEnum() {
    ObjectNode r = rule();
    spec(r).put("severity", "page");
    CRD.assertRejects(r, "severity");
  }
}
