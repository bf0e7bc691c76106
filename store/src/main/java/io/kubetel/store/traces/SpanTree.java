package io.kubetel.store.traces;

import io.kubetel.model.traces.SpanEvent;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the span tree of one trace: spans whose parent is in the trace become its children; spans
 * without a parent, or whose parent is missing (orphans), are roots. Children and roots are ordered
 * by start time.
 */
public final class SpanTree {
  private static final String[] ERROR = {"Error", "STATUS_CODE_ERROR"};
  private static final String[] OK = {"Ok", "STATUS_CODE_OK"};

  /** A flat span as read from storage. */
  public record Span(
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      String service,
      String namespace,
      String pod,
      long startNanos,
      long durationNanos,
      String statusCode,
      String statusMessage,
      Map<String, String> attributes,
      List<SpanEvent> events) {}

  private final List<Span> spans;
  private final List<SpanNode> roots;
  private final Span root;

  private SpanTree(List<Span> spans, List<SpanNode> roots, Span root) {
    this.spans = spans;
    this.roots = roots;
    this.root = root;
  }

  public static SpanTree build(List<Span> input) {
    if (input.isEmpty()) {
      throw new IllegalArgumentException("a trace needs at least one span");
    }
    List<Span> spans = new ArrayList<>(input);
    spans.sort(Comparator.comparingLong(Span::startNanos).thenComparing(Span::spanId));
    Map<String, Span> byId = new LinkedHashMap<>();
    for (Span s : spans) {
      byId.putIfAbsent(s.spanId(), s);
    }
    Map<String, List<Span>> children = new HashMap<>();
    List<Span> rootSpans = new ArrayList<>();
    for (Span s : byId.values()) {
      String parent = s.parentSpanId();
      if (parent == null
          || parent.isEmpty()
          || !byId.containsKey(parent)
          || parent.equals(s.spanId())) {
        rootSpans.add(s);
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(s);
      }
    }
    // Parent cycles leave spans unreachable from any root: make them roots too.
    java.util.Set<String> reachable = new java.util.HashSet<>();
    java.util.ArrayDeque<Span> queue = new java.util.ArrayDeque<>(rootSpans);
    while (!queue.isEmpty()) {
      Span s = queue.poll();
      if (reachable.add(s.spanId())) {
        queue.addAll(children.getOrDefault(s.spanId(), List.of()));
      }
    }
    for (Span s : byId.values()) {
      if (!reachable.contains(s.spanId())) {
        rootSpans.add(s);
        children.values().forEach(l -> l.remove(s));
        queue.add(s);
        while (!queue.isEmpty()) {
          Span r = queue.poll();
          if (reachable.add(r.spanId())) {
            queue.addAll(children.getOrDefault(r.spanId(), List.of()));
          }
        }
      }
    }
    List<SpanNode> roots = new ArrayList<>();
    for (Span s : rootSpans) {
      roots.add(node(s, children, new java.util.HashSet<>()));
    }
    Span root =
        rootSpans.stream()
            .filter(s -> s.parentSpanId() == null || s.parentSpanId().isEmpty())
            .findFirst()
            .orElse(rootSpans.get(0));
    return new SpanTree(List.copyOf(byId.values()), roots, root);
  }

  private static SpanNode node(
      Span s, Map<String, List<Span>> children, java.util.Set<String> path) {
    path.add(s.spanId());
    List<SpanNode> kids = new ArrayList<>();
    for (Span c : children.getOrDefault(s.spanId(), List.of())) {
      if (!path.contains(c.spanId())) {
        kids.add(node(c, children, path));
      }
    }
    path.remove(s.spanId());
    return new SpanNode(
        s.spanId(),
        s.parentSpanId(),
        s.name(),
        s.kind(),
        s.service(),
        s.namespace(),
        s.pod(),
        SqlLiteral.instant(s.startNanos()),
        s.durationNanos(),
        s.statusCode(),
        s.statusMessage(),
        s.attributes(),
        s.events(),
        kids);
  }

  public List<SpanNode> roots() {
    return roots;
  }

  /** The namespace of the trace: its root span's. */
  public String rootNamespace() {
    return root.namespace();
  }

  /** The summary of the whole trace. */
  public TraceSummary summary(String traceId) {
    long first = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int errors = 0;
    int oks = 0;
    TreeSet<String> services = new TreeSet<>();
    for (Span s : spans) {
      first = Math.min(first, s.startNanos());
      end = Math.max(end, s.startNanos() + s.durationNanos());
      services.add(s.service());
      if (is(s.statusCode(), ERROR)) {
        errors++;
      } else if (is(s.statusCode(), OK)) {
        oks++;
      }
    }
    return new TraceSummary(
        traceId,
        root.namespace(),
        root.service(),
        root.name(),
        spans.size(),
        errors,
        List.copyOf(services),
        SqlLiteral.instant(root.startNanos()),
        end - first,
        ClickHouseTraceReader.status(errors, oks));
  }

  private static boolean is(String code, String[] options) {
    for (String o : options) {
      if (o.equals(code)) {
        return true;
      }
    }
    return false;
  }
}
