package io.kubetel.apiserver.traces;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.DescribedResource;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRule;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Ages;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceReader;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code traces} resource (kind Trace, short name {@code tr}): list rows summarise traces whose
 * root span starts in the window; get-by-name returns the span tree. Items are {@link TraceDetail}
 * (lists carry no spans).
 *
 * <p>Labels are {@code service} (root service) and {@code status}; other label keys select on span
 * attributes in storage (any span matching) and are not re-checked in memory, since trace objects
 * do not carry span attributes as labels.
 */
public final class TracesResource extends DescribedResource<TraceDetail> {
  private static final ResourceInfo INFO =
      ResourceInfo.readOnlyTelemetry(
          "traces", "trace", "Trace", List.of("tr"), TraceSchema.schema());

  private static final SelectorVocabulary VOCABULARY =
      SelectorVocabulary.builder("traces")
          .field("service", FieldKeys.SERVICE, ValueRules.SERVICE)
          .field("status", FieldKeys.STATUS, ValueRules.TRACE_STATUS)
          .field("span", FieldKeys.SPAN, ValueRules.SPAN_NAME)
          .field("traceId", FieldKeys.TRACE_ID, ValueRules.TRACE_ID)
          // -l service=X means "X took part in the trace" (any span), like the field selector;
          // the service label shows the root service only, so storage decides, not the label.
          .pushdownLabel(FieldKeys.SERVICE)
          .label("status", FieldKeys.STATUS)
          .pushdownLabel(FieldKeys.POD)
          .pushdownLabel(FieldKeys.NODE)
          .pushdownLabel(FieldKeys.KIND)
          .pushdownLabel(FieldKeys.SPAN)
          .attributeLabelsExact(false)
          .build();

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.name("Trace id."),
          TableColumn.of("Root Service", "string", "Service of the root span."),
          TableColumn.of("Root Span", "string", "Name of the root span."),
          TableColumn.of("Spans", "integer", "Number of spans."),
          TableColumn.of("Duration", "string", "Duration of the trace."),
          TableColumn.of("Status", "string", "Error, Ok or Unset."),
          TableColumn.of("Age", "string", "Time since the trace started."),
          TableColumn.wide("Services", "string", "Services in the trace."),
          TableColumn.wide("Errors", "integer", "Spans with status Error."));

  private final TraceReader reader;

  public TracesResource(TraceReader reader) {
    super(INFO, VOCABULARY, COLUMNS, t -> t.summary().traceId(), t -> t.summary().namespace());
    this.reader = reader;
  }

  @Override
  public Page<TraceDetail> list(ListRequest request) {
    Page<TraceSummary> page = reader.listTraces(request);
    return new Page<>(
        page.items().stream().map(s -> new TraceDetail(s, List.of())).toList(), page.next());
  }

  @Override
  public Optional<TraceDetail> get(String namespace, String name, TimeWindow window) {
    return reader.getTrace(namespace, name, window);
  }

  /** Traces may be older than the default window: get-by-name searches the longest window. */
  @Override
  public Duration defaultGetWindow(ResourceSettings settings) {
    return settings.maxWindow();
  }

  /** Trace names are trace ids: 32 lowercase hex digits. */
  @Override
  public ValueRule nameRule() {
    return ValueRules.TRACE_ID;
  }

  @Override
  public Map<String, String> labels(TraceDetail t) {
    return new Labels()
        .put("service", t.summary().rootService())
        .put("status", t.summary().status())
        .build();
  }

  /**
   * Overrides the metadata keys as well: a trace's namespace offers itself even when empty, unlike
   * the single-valued fields of the other resources.
   */
  @Override
  public List<String> fieldValues(TraceDetail t, String key) {
    TraceSummary s = t.summary();
    return switch (key) {
      case SelectorVocabulary.METADATA_NAME, "traceId" -> List.of(s.traceId());
      case SelectorVocabulary.METADATA_NAMESPACE ->
          s.namespace() == null ? List.of() : List.of(s.namespace());
      // A trace matches a service when any of its spans is from it.
      case "service" -> s.services();
      case "status" -> List.of(s.status());
      // Span names other than the root's are not in the summary: storage decides.
      default -> null;
    };
  }

  @Override
  public ServedObject toObject(
      TraceDetail t, String resourceVersion, TimeWindow window, boolean detail) {
    TraceSummary s = t.summary();
    Trace.Status status =
        new Trace.Status(
            s.rootService(),
            s.rootSpan(),
            s.spanCount(),
            s.errorCount(),
            s.services(),
            ApiJson.time(s.start()),
            Ages.elapsed(s.durationNanos()),
            s.durationNanos(),
            s.status(),
            t.roots().stream().map(TracesResource::span).toList());
    ObjectMeta meta =
        ApiJson.metadata(s.traceId(), s.namespace(), labels(t), resourceVersion, s.start());
    return Trace.of(meta, new Trace.Spec(s.traceId()), status);
  }

  private static Trace.Span span(SpanNode span) {
    return new Trace.Span(
        span.spanId(),
        span.parentSpanId(),
        span.name(),
        span.kind(),
        span.service(),
        span.namespace(),
        span.pod(),
        ApiJson.time(span.start()),
        Ages.elapsed(span.durationNanos()),
        span.durationNanos(),
        span.statusCode(),
        span.statusMessage(),
        ApiJson.sorted(span.attributes()),
        span.events().stream()
            .map(
                e ->
                    new Trace.Event(
                        ApiJson.time(e.time()), e.name(), ApiJson.sorted(e.attributes())))
            .toList(),
        span.children().stream().map(TracesResource::span).toList());
  }

  @Override
  public List<Object> cells(TraceDetail t, Instant now) {
    TraceSummary s = t.summary();
    return Arrays.asList(
        s.traceId(),
        s.rootService(),
        s.rootSpan(),
        s.spanCount(),
        Ages.elapsed(s.durationNanos()),
        s.status(),
        Ages.human(Duration.between(s.start(), now)),
        String.join(",", s.services()),
        s.errorCount());
  }

  @Override
  public Instant createdAt(TraceDetail t) {
    return t.summary().start();
  }

  /** A trace changes as spans arrive: the end of its last span moves. */
  @Override
  public Instant changedAt(TraceDetail t) {
    return t.summary().start().plusNanos(t.summary().durationNanos());
  }
}
