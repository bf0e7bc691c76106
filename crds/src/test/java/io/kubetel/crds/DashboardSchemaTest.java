package io.kubetel.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Crafted Dashboards the CRD schema must reject, each with the error a user would see. */
class DashboardSchemaTest {

  static final CrdSchema CRD = CrdSchema.load("dashboards");

  static ObjectNode dashboard() {
    return CrdSchema.yaml(
        """
        apiVersion: kubetel.io/v1alpha1
        kind: Dashboard
        metadata: {name: overview, namespace: shop}
        spec:
          title: Overview
          variables:
            - {name: service, key: service}
          panels:
            - title: Latency
              type: TimeSeries
              query: {signal: traces, aggregation: p99}
              gridPos: {x: 0, y: 0, w: 12, h: 8}
            - title: Logs
              type: LogList
              query: {signal: logs}
              gridPos: {x: 12, y: 0, w: 12, h: 8}
        """);
  }

  static ObjectNode panel(ObjectNode d, int i) {
    return (ObjectNode) d.at("/spec/panels/" + i);
  }

  @Test
  void aValidDashboardIsAccepted() {
    assertThat(CRD.validate(dashboard())).isEmpty();
  }

  @Test
  void panelsMustFitTheGrid() {
    ObjectNode d = dashboard();
    ((ObjectNode) panel(d, 1).get("gridPos")).put("x", 16);
    CRD.assertRejects(d, "self.spec.panels[1].gridPos: panel extends past column 24");
    d = dashboard();
    ((ObjectNode) panel(d, 0).get("gridPos")).put("w", 0);
    CRD.assertRejects(d, "gridPos").contains("w");
  }

  @Test
  void listPanelsNeedTheirSignal() {
    ObjectNode d = dashboard();
    ((ObjectNode) panel(d, 1).get("query")).put("signal", "traces");
    CRD.assertRejects(d, "self.spec.panels[1]: a LogList panel needs a logs query");
  }

  @Test
  void rejectsUnknownPanelTypeAndMissingQuery() {
    ObjectNode d = dashboard();
    panel(d, 0).put("type", "Heatmap");
    CRD.assertRejects(d, "type");
    d = dashboard();
    panel(d, 0).remove("query");
    CRD.assertRejects(d, "query");
  }

  @Test
  void variableNamesAreIdentifiersAndUnique() {
    ObjectNode d = dashboard();
    ((ObjectNode) d.at("/spec/variables/0")).put("name", "my service");
    CRD.assertRejects(d, "name");
    d = dashboard();
    ((com.fasterxml.jackson.databind.node.ArrayNode) d.at("/spec/variables"))
        .addObject()
        .put("name", "service")
        .put("key", "pod");
    CRD.assertRejects(d, "variable names must be unique");
  }

  @Test
  void needsATitle() {
    ObjectNode d = dashboard();
    ((ObjectNode) d.get("spec")).remove("title");
    CRD.assertRejects(d, "title");
  }
}
