package io.kubetel.apiserver.traces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.DescribedResource;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRule;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Ages;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.traces.SpanEvent;
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
      new ResourceInfo(
          "traces",
          "trace",
          "Trace",
          List.of("tr"),
          true,
          List.of("get", "list", "watch"),
          List.of("telemetry"),
          TraceSchema.schema());

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
    super(INFO, VOCABULARY, COLUMNS);
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
  public String name(TraceDetail t) {
    return t.summary().traceId();
  }

  @Override
  public String namespace(TraceDetail t) {
    return t.summary().namespace();
  }

  @Override
  public Map<String, String> labels(TraceDetail t) {
    return new Labels()
        .put("service", t.summary().rootService())
        .put("status", t.summary().status())
        .build();
  }

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
  public ObjectNode toObject(
      TraceDetail t, String resourceVersion, TimeWindow window, boolean detail) {
    TraceSummary s = t.summary();
    ObjectNode o =
        ApiJson.object(
            INFO.kind(), s.traceId(), s.namespace(), labels(t), resourceVersion, s.start());
    o.putObject("spec").put("traceId", s.traceId());
    ObjectNode status = o.putObject("status");
    status.put("rootService", s.rootService());
    status.put("rootSpan", s.rootSpan());
    status.put("spanCount", s.spanCount());
    status.put("errorCount", s.errorCount());
    ArrayNode services = status.putArray("services");
    s.services().forEach(services::add);
    status.put("start", ApiJson.time(s.start()));
    status.put("duration", Ages.elapsed(s.durationNanos()));
    status.put("durationNanos", s.durationNanos());
    status.put("status", s.status());
    if (!t.roots().isEmpty()) {
      ArrayNode spans = status.putArray("spans");
      t.roots().forEach(root -> span(spans.addObject(), root));
    }
    return o;
  }

  private static void span(ObjectNode n, SpanNode span) {
    n.put("spanId", span.spanId());
    n.put("parentSpanId", span.parentSpanId());
    n.put("name", span.name());
    n.put("kind", span.kind());
    n.put("service", span.service());
    n.put("namespace", span.namespace());
    n.put("pod", span.pod());
    n.put("start", ApiJson.time(span.start()));
    n.put("duration", Ages.elapsed(span.durationNanos()));
    n.put("durationNanos", span.durationNanos());
    n.put("status", span.statusCode());
    if (span.statusMessage() != null && !span.statusMessage().isEmpty()) {
      n.put("statusMessage", span.statusMessage());
    }
    ApiJson.putMap(n, "attributes", span.attributes());
    if (!span.events().isEmpty()) {
      ArrayNode events = n.putArray("events");
      for (SpanEvent e : span.events()) {
        ObjectNode en = events.addObject();
        en.put("time", ApiJson.time(e.time()));
        en.put("name", e.name());
        ApiJson.putMap(en, "attributes", e.attributes());
      }
    }
    if (!span.children().isEmpty()) {
      ArrayNode children = n.putArray("children");
      span.children().forEach(c -> span(children.addObject(), c));
    }
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
