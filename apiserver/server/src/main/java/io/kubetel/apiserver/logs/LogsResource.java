package io.kubetel.apiserver.logs;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.RowResource;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Cells;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.logs.LogReader;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code logs} resource (kind LogRecord). Singular {@code log}, short names {@code lr} and
 * {@code logrecord}, so {@code kubectl get logs}, {@code kubectl get log NAME}, {@code kubectl get
 * lr} and {@code kubectl get logrecord NAME} all work.
 */
public final class LogsResource extends RowResource<LogEntry> {
  private static final int BODY_WIDTH = 80;

  private static final ResourceInfo INFO =
      ResourceInfo.readOnlyTelemetry(
          "logs", "log", "LogRecord", List.of("lr", "logrecord"), LogSchema.schema());

  private static final SelectorVocabulary VOCABULARY =
      SelectorVocabulary.builder("logs")
          .field("severity", FieldKeys.SEVERITY, ValueRules.SEVERITY_TEXT)
          .field("service", FieldKeys.SERVICE, ValueRules.SERVICE)
          .field("pod", FieldKeys.POD, ValueRules.POD)
          .field("traceId", FieldKeys.TRACE_ID, ValueRules.TRACE_ID)
          .field("spanId", FieldKeys.SPAN_ID, ValueRules.SPAN_ID)
          .label("service", FieldKeys.SERVICE)
          .label("pod", FieldKeys.POD)
          .label("severity", FieldKeys.SEVERITY)
          .pushdownLabel(FieldKeys.NODE)
          .pushdownLabel(FieldKeys.TRACE_ID)
          .pushdownLabel(FieldKeys.SPAN_ID)
          .attributeLabelsExact(true)
          .build();

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.name("Object name of the record."),
          TableColumn.of("Time", "string", "When the record was emitted."),
          TableColumn.of("Severity", "string", "Severity text."),
          TableColumn.of("Service", "string", "Emitting service."),
          TableColumn.of("Body", "string", "The message, cut to 80 characters."),
          TableColumn.wide("Pod", "string", "Emitting pod."),
          TableColumn.wide("Trace", "string", "Trace id."),
          TableColumn.wide("Span", "string", "Span id."));

  public LogsResource(LogReader reader) {
    super(
        INFO,
        VOCABULARY,
        COLUMNS,
        LogEntry::name,
        LogEntry::namespace,
        Rows.of(reader::listLogs, reader::getLog),
        Map.of(
            "severity", LogEntry::severityText,
            "service", LogEntry::service,
            "pod", LogEntry::pod,
            "traceId", LogEntry::traceId,
            "spanId", LogEntry::spanId));
  }

  @Override
  public Map<String, String> labels(LogEntry e) {
    return new Labels()
        .put("service", e.service())
        .put("pod", e.pod())
        .put("severity", e.severityText())
        .attributes(e.attributes())
        .build();
  }

  @Override
  public ServedObject toObject(
      LogEntry e, String resourceVersion, TimeWindow window, boolean detail) {
    LogRecord.Spec spec =
        new LogRecord.Spec(
            ApiJson.time(e.timestamp()),
            e.severityText(),
            e.severityNumber(),
            e.service(),
            e.pod(),
            e.body(),
            e.traceId(),
            e.spanId(),
            e.eventName().isEmpty() ? null : e.eventName(),
            ApiJson.sorted(e.attributes()),
            ApiJson.sorted(e.resourceAttributes()));
    ObjectMeta meta =
        ApiJson.metadata(e.name(), e.namespace(), labels(e), resourceVersion, e.timestamp());
    return LogRecord.of(meta, spec);
  }

  @Override
  public List<Object> cells(LogEntry e, Instant now) {
    return Arrays.asList(
        e.name(),
        ApiJson.time(e.timestamp()),
        e.severityText(),
        e.service(),
        Cells.truncate(e.body(), BODY_WIDTH),
        e.pod(),
        e.traceId(),
        e.spanId());
  }

  @Override
  public Instant createdAt(LogEntry e) {
    return e.timestamp();
  }

  @Override
  public Instant changedAt(LogEntry e) {
    return e.timestamp();
  }
}
