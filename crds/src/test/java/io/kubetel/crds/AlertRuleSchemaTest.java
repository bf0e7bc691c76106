package io.kubetel.crds;

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

  static ObjectNode spec(ObjectNode r) {
    return (ObjectNode) r.get("spec");
  }

  @Test
  void aValidRuleIsAccepted() {
    assertThat(CRD.validate(rule())).isEmpty();
  }

  @Test
  void metricsQueriesNeedAMetric() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("query")).remove("metric");
    assertThat(CRD.validate(r))
        .singleElement()
        .asString()
        .contains("query.metric is required when query.signal is metrics");
  }

  @Test
  void rejectsUnknownSignalAndAggregation() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("query")).put("signal", "events");
    assertThat(CRD.validate(r)).singleElement().asString().contains("signal");
    r = rule();
    ((ObjectNode) spec(r).get("query")).put("aggregation", "median");
    assertThat(CRD.validate(r)).singleElement().asString().contains("aggregation");
  }

  @Test
  void rejectsBadDurations() {
    ObjectNode r = rule();
    spec(r).put("for", "five minutes");
    assertThat(CRD.validate(r)).singleElement().asString().contains("for");
    r = rule();
    ((ObjectNode) spec(r).get("query")).put("range", "-5m");
    assertThat(CRD.validate(r)).singleElement().asString().contains("range");
    r = rule();
    spec(r).put("interval", "0s");
    assertThat(CRD.validate(r))
        .singleElement()
        .asString()
        .contains("interval must be greater than zero");
  }

  @Test
  void thresholdConditionsNeedComparatorAndThreshold() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).get("condition")).remove("threshold");
    assertThat(CRD.validate(r))
        .singleElement()
        .asString()
        .contains("comparator and threshold are required");
    r = rule();
    ((ObjectNode) spec(r).get("condition")).put("comparator", ">");
    assertThat(CRD.validate(r)).singleElement().asString().contains("comparator");
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
    assertThat(CRD.validate(r))
        .singleElement()
        .asString()
        .contains("exactly one of slack, pagerDuty or webhook");
    r = rule();
    spec(r).withArray("receivers").add(spec(r).get("receivers").get(0).deepCopy());
    assertThat(CRD.validate(r))
        .singleElement()
        .asString()
        .contains("receiver names must be unique");
  }

  @Test
  void secretsCannotBeInline() {
    ObjectNode r = rule();
    ((ObjectNode) spec(r).at("/receivers/0/slack")).put("webhookUrl", "https://hooks.example/x");
    assertThat(CRD.validate(r)).singleElement().asString().contains("webhookUrl");
    r = rule();
    ((ObjectNode) spec(r).at("/receivers/0/slack")).remove("webhookUrlSecretRef");
    assertThat(CRD.validate(r)).singleElement().asString().contains("webhookUrlSecretRef");
  }

  @Test
  void severityIsAnEnum() {
    ObjectNode r = rule();
    spec(r).put("severity", "page");
    assertThat(CRD.validate(r)).singleElement().asString().contains("severity");
  }
}
