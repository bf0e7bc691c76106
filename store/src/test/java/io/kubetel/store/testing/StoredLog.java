package io.kubetel.store.testing;

import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.query.Signal;
import io.kubetel.store.logs.LogNames;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.write.TelemetryBatch;
import java.util.Map;

/** One log record of the in-memory store with its fields. */
record StoredLog(LogEntry entry, FieldValues fields) {

  /** A record given as a model object (the API server's tests). */
  static StoredLog of(LogEntry e) {
    return new StoredLog(
        e,
        new FieldValues(
            Signal.LOGS,
            Map.of(
                "ServiceName", e.service(),
                "SeverityText", e.severityText(),
                "TraceId", e.traceId(),
                "SpanId", e.spanId()),
            FieldValues.resource(e.resourceAttributes(), e.namespace(), e.pod()),
            e.attributes()));
  }

  /**
   * A record as written to ClickHouse, named like the store names it ({@link LogNames}: timestamp
   * and a fingerprint of the content; the fake's fingerprint is its own hash of the same fields).
   */
  static StoredLog of(TelemetryBatch.Log l) {
    String ns = l.resource().getOrDefault(FieldSql.NAMESPACE_ATTR, "");
    String pod = l.resource().getOrDefault(FieldSql.POD_ATTR, "");
    String fp =
        Fingerprints.of(
            LogNames.FINGERPRINT_LENGTH,
            l.traceId(),
            l.spanId(),
            l.service(),
            l.severityText(),
            l.body(),
            ns,
            pod,
            Fingerprints.canonical(l.attributes()));
    return of(
        new LogEntry(
            LogNames.name(SqlLiteral.nanos(l.time()), fp),
            ns,
            l.time(),
            l.severityText(),
            l.severityNumber(),
            l.service(),
            pod,
            l.body(),
            l.traceId(),
            l.spanId(),
            l.attributes(),
            l.resource()));
  }
}
