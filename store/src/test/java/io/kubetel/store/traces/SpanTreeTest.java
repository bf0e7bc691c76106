package io.kubetel.store.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Span tree building: parents, orphans as roots, cycles broken. */
class SpanTreeTest {
  static SpanTree.Span span(String id, String parent, long start, String status) {
    return new SpanTree.Span(
        id,
        parent,
        "op-" + id,
        "Server",
        "svc-" + id,
        "ns-" + id,
        "pod",
        start,
        10,
        status,
        "",
        Map.of(),
        List.of());
  }

  @Test
  void buildsTreeWithOrphansAndCyclesAsRoots() {
    SpanTree tree =
        SpanTree.build(
            List.of(
                span("c", "b", 3, "Unset"),
                span("a", "", 1, "Ok"),
                span("b", "a", 2, "Error"),
                span("d", "a", 2, "Unset"),
                span("o", "missing", 5, "Unset"),
                span("x", "y", 6, "Unset"),
                span("y", "x", 7, "Unset")));
    assertThat(tree.roots()).extracting(SpanNode::spanId).containsExactly("a", "o", "x");
    SpanNode a = tree.roots().get(0);
    assertThat(a.children()).extracting(SpanNode::spanId).containsExactly("b", "d");
    assertThat(a.children().get(0).children()).extracting(SpanNode::spanId).containsExactly("c");
    assertThat(tree.roots().get(2).children()).extracting(SpanNode::spanId).containsExactly("y");
    assertThat(tree.rootNamespace()).isEqualTo("ns-a");
    TraceSummary s = tree.summary("t");
    assertThat(s.spanCount()).isEqualTo(7);
    assertThat(s.errorCount()).isEqualTo(1);
    assertThat(s.status()).isEqualTo("Error");
    assertThat(s.durationNanos()).isEqualTo(16);
    assertThat(s.rootService()).isEqualTo("svc-a");
  }
}
