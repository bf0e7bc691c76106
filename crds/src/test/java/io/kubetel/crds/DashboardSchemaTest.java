package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.changed;
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
    CRD.assertRejects(
        changed(dashboard(), d -> ((ObjectNode) panel(d, 1).get("gridPos")).put("x", 16)),
        "self.spec.panels[1].gridPos: panel extends past column 24");
    CRD.assertRejects(
            changed(dashboard(), d -> ((ObjectNode) panel(d, 0).get("gridPos")).put("w", 0)),
            "gridPos")
        .contains("w");
  }

  @Test
  void listPanelsNeedTheirSignal() {
    CRD.assertRejects(
        changed(dashboard(), d -> ((ObjectNode) panel(d, 1).get("query")).put("signal", "traces")),
        "self.spec.panels[1]: a LogList panel needs a logs query");
  }

  @Test
  void rejectsUnknownPanelTypeAndMissingQuery() {
    CRD.assertRejects(changed(dashboard(), d -> panel(d, 0).put("type", "Heatmap")), "type");
    CRD.assertRejects(changed(dashboard(), d -> panel(d, 0).remove("query")), "query");
  }

  @Test
  void variableNamesAreIdentifiersAndUnique() {
    CRD.assertRejects(
        changed(
            dashboard(), d -> ((ObjectNode) d.at("/spec/variables/0")).put("name", "my service")),
        "name");
    CRD.assertRejects(
        changed(
            dashboard(),
            d ->
                ((com.fasterxml.jackson.databind.node.ArrayNode) d.at("/spec/variables"))
                    .addObject()
                    .put("name", "service")
                    .put("key", "pod")),
        "variable names must be unique");
  }

  @Test
  void needsATitle() {
    CRD.assertRejects(
        changed(dashboard(), d -> ((ObjectNode) d.get("spec")).remove("title")), "title");
  }
}
