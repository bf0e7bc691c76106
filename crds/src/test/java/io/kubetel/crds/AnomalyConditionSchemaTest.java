package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.changed;
import static io.kubetel.crds.CrdSchema.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The AlertRule CRD's Anomaly condition: what it accepts and what it refuses, with the message. */
class AnomalyConditionSchemaTest {

  private static ObjectNode anomalyRule(String condition) {
    return changed(
        AlertRuleSchemaTest.rule(), r -> spec(r).set("condition", CrdSchema.yaml(condition)));
  }

  @Test
  void anAnomalyConditionIsAccepted() {
    assertThat(
            AlertRuleSchemaTest.CRD.validate(
                anomalyRule(
                    "{type: Anomaly, anomaly: {sensitivity: High, season: 1d, minimumDuration: 10m}}")))
        .isEmpty();
    assertThat(AlertRuleSchemaTest.CRD.validate(anomalyRule("{type: Anomaly, anomaly: {}}")))
        .isEmpty();
  }

  @Test
  void anAnomalyConditionNeedsItsSettingsAndNoThreshold() {
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Anomaly}"),
        "an Anomaly condition needs anomaly and takes no threshold");
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Anomaly, threshold: 3, anomaly: {}}"),
        "an Anomaly condition needs anomaly and takes no threshold");
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Threshold, comparator: GreaterThan, threshold: 1, anomaly: {}}"),
        "anomaly is only for an Anomaly condition");
  }

  @Test
  void rejectsBadSensitivitySeasonAndDuration() {
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Anomaly, anomaly: {sensitivity: Extreme}}"), "sensitivity");
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Anomaly, anomaly: {season: 0s}}"), "season must be greater than zero");
    AlertRuleSchemaTest.CRD.assertRejects(
        anomalyRule("{type: Anomaly, anomaly: {minimumDuration: ten minutes}}"), "minimumDuration");
  }
}
