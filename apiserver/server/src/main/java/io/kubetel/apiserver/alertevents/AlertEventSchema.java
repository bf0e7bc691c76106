package io.kubetel.apiserver.alertevents;

import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.nullable;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of an AlertEvent object. */
final class AlertEventSchema {
  private AlertEventSchema() {}

  static ObjectNode schema() {
    ObjectNode spec = object("The transition.");
    prop(spec, "rule", string("Name of the AlertRule, in the event's namespace."));
    prop(
        spec, "series", nullable(string("Fingerprint of the series; null for an ungrouped rule.")));
    prop(spec, "seriesLabels", stringMap("Group-by labels of the series."));
    prop(spec, "from", string("State before: Inactive, Pending or Firing."));
    prop(
        spec,
        "to",
        string("State after: Inactive (resolved when from is Firing), Pending or Firing."));
    prop(
        spec,
        "value",
        nullable(scalar("number", "double", "Value that caused it; null: no data.")));
    prop(spec, "severity", string("The rule's severity."));
    prop(spec, "summary", nullable(string("The rule's rendered summary annotation.")));
    prop(spec, "time", scalar("string", "date-time", "When the transition was evaluated."));
    return kind("One state transition of an alert.", spec, null);
  }
}
