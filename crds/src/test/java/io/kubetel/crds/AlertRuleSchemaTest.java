package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.changed;
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
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("query")).remove("metric")),
        "query.metric is required when query.signal is metrics");
  }

  @Test
  void rejectsUnknownSignalAndAggregation() {
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("query")).put("signal", "events")),
        "signal");
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("query")).put("aggregation", "median")),
        "aggregation");
  }

  @Test
  void rejectsBadDurations() {
    CRD.assertRejects(changed(rule(), r -> spec(r).put("for", "five minutes")), "for");
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("query")).put("range", "-5m")), "range");
    CRD.assertRejects(
        changed(rule(), r -> spec(r).put("interval", "0s")), "interval must be greater than zero");
  }

  @Test
  void thresholdConditionsNeedComparatorAndThreshold() {
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("condition")).remove("threshold")),
        "comparator and threshold are required");
    CRD.assertRejects(
        changed(rule(), r -> ((ObjectNode) spec(r).get("condition")).put("comparator", ">")),
        "comparator");
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
    CRD.assertRejects(
        changed(
            rule(),
            o -> spec(o).withArray("receivers").add(spec(o).get("receivers").get(0).deepCopy())),
        "receiver names must be unique");
  }

  @Test
  void secretsCannotBeInline() {
    CRD.assertRejects(
        changed(
            rule(),
            r ->
                ((ObjectNode) spec(r).at("/receivers/0/slack"))
                    .put("webhookUrl", "https://hooks.example/x")),
        "webhookUrl");
    CRD.assertRejects(
        changed(
            rule(),
            r -> ((ObjectNode) spec(r).at("/receivers/0/slack")).remove("webhookUrlSecretRef")),
        "webhookUrlSecretRef");
  }

  @Test
  void severityIsAnEnum() {
    CRD.assertRejects(changed(rule(), r -> spec(r).put("severity", "page")), "severity");
  }
}
