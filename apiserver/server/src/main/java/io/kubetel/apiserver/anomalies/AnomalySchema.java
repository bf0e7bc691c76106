package io.kubetel.apiserver.anomalies;

import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of an Anomaly object. */
final class AnomalySchema {
  private AnomalySchema() {}

  static ObjectNode schema() {
    ObjectNode spec = object("The anomaly.");
    prop(spec, "series", string("Object name of the metric series (kubectl get metric NAME)."));
    prop(spec, "metric", string("Metric name."));
    prop(spec, "service", string("Service that emitted the series."));
    prop(spec, "attributes", stringMap("The series' attributes."));
    prop(spec, "start", scalar("string", "date-time", "First anomalous point."));
    prop(
        spec, "end", scalar("string", "date-time", "Latest (or, resolved, last) anomalous point."));
    prop(spec, "resolved", scalar("boolean", null, "Whether a normal point ended the anomaly."));
    prop(spec, "grade", scalar("number", "double", "How anomalous, 0..1 (highest in the run)."));
    ObjectNode expected = object("Range the detector expected at the most anomalous point.");
    prop(expected, "low", scalar("number", "double", "Low end of the expected range."));
    prop(expected, "high", scalar("number", "double", "High end of the expected range."));
    prop(spec, "expected", expected);
    prop(spec, "observed", scalar("number", "double", "Value at the most anomalous point."));
    prop(spec, "detector", string("Detector that found it, e.g. rcf (Random Cut Forest)."));
    return kind("An anomaly a learned detector found in one metric series.", spec, null);
  }
}
