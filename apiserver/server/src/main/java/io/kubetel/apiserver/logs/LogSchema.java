package io.kubetel.apiserver.logs;

import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.nullable;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of a LogRecord object. */
final class LogSchema {
  private LogSchema() {}

  static ObjectNode schema() {
    ObjectNode spec = object("The log record.");
    prop(spec, "timestamp", scalar("string", "date-time", "When the record was emitted."));
    prop(spec, "severity", nullable(string("Severity text, e.g. ERROR.")));
    prop(spec, "severityNumber", scalar("integer", "int32", "OTel severity number (1-24)."));
    prop(spec, "service", nullable(string("Service that emitted the record.")));
    prop(spec, "pod", nullable(string("Pod that emitted the record.")));
    prop(spec, "body", nullable(string("The log message.")));
    prop(spec, "traceId", nullable(string("Trace the record belongs to, if any.")));
    prop(spec, "spanId", nullable(string("Span the record belongs to, if any.")));
    prop(
        spec,
        "eventName",
        nullable(string("OTel event name of an event record (EventName), if the table has it.")));
    prop(spec, "attributes", stringMap("Log attributes."));
    prop(spec, "resourceAttributes", stringMap("OTel resource attributes of the emitter."));
    return kind("One log record.", spec, null);
  }
}
