package io.kubetel.apiserver.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.metrics.MetricsResource;
import io.kubetel.apiserver.traces.TracesResource;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Translation of selectors to push-down filters, in-memory terms, scope and window. */
class SelectionParserTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final SelectionParser metrics =
      new SelectionParser(new MetricsResource(null).vocabulary(), WindowPolicy.DEFAULT);
  final SelectionParser traces =
      new SelectionParser(new TracesResource(null).vocabulary(), WindowPolicy.DEFAULT);

  /** {@code parser}'s selection, cluster-wide at NOW, for query {@code params}. */
  static Selection anyNamespace(SelectionParser parser, Map<String, String> params) {
    return parser.parse(params, Optional.empty(), NOW);
  }

  @Test
  void labelKeysMapToWellKnownFieldsOrAttributes() {
    Selection s =
        metrics.parse(
            Map.of("labelSelector", "service in (a,b),metric=m,http.method!=GET,!x,n>3"),
            Optional.of("shop"),
            NOW);
    assertThat(s.filters())
        .containsExactly(
            new FieldFilter("service", FilterOperator.IN, List.of("a", "b")),
            new FieldFilter("metric", FilterOperator.EQUALS, List.of("m")),
            new FieldFilter("http.method", FilterOperator.NOT_EQUALS, List.of("GET")),
            // !x is checked in memory only: storage may hold x empty or as no valid label value.
            new FieldFilter("n", FilterOperator.EXISTS, List.of()));
    assertThat(s.labels().requirements()).hasSize(5);
    assertThat(s.window().end()).isEqualTo(NOW);
    assertThat(s.window().length()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void traceAttributeLabelsArePushedDownOnly() {
    Selection s =
        anyNamespace(traces, Map.of("labelSelector", "service=a,status=Error,http.method=GET"));
    assertThat(s.filters()).hasSize(3);
    // service means "any span's service" on traces: storage decides, the root-service label
    // must not re-filter it; status is a real label and is re-checked in memory.
    assertThat(s.labels().toString()).isEqualTo("status=Error");
  }

  @Test
  void wellKnownAndResourceKeysArePushedDownOrRejected() {
    Selection s =
        anyNamespace(
            metrics,
            Map.of("labelSelector", "node=node-a,resource.k8s.deployment.name=web,service=x"));
    assertThat(s.filters())
        .extracting(FieldFilter::key)
        .containsExactly("node", "resource.k8s.deployment.name", "service");
    assertThat(s.labels().toString()).isEqualTo("service=x");
    assertThatThrownBy(() -> anyNamespace(metrics, Map.of("labelSelector", "severity=ERROR")))
        .hasMessage("label key \"severity\" does not apply to metrics");
    assertThatThrownBy(() -> anyNamespace(metrics, Map.of("labelSelector", "namespace=shop")))
        .hasMessageContaining("metadata.namespace");
  }

  @Test
  void fieldSelectorsBecomeFiltersScopeAndName() {
    Selection s =
        anyNamespace(
            metrics,
            Map.of(
                "fieldSelector",
                "metadata.namespace=shop,metadata.name=x-1,type=Sum,pod!=p-1,window=1h"));
    assertThat(s.namespace()).contains("shop");
    assertThat(s.exactName()).contains("x-1");
    assertThat(s.filters())
        .containsExactly(
            new FieldFilter("type", FilterOperator.EQUALS, List.of("Sum")),
            new FieldFilter("pod", FilterOperator.NOT_EQUALS, List.of("p-1")));
    assertThat(s.window().length()).isEqualTo(Duration.ofHours(1));
    assertThat(s.fields()).hasSize(4);
  }

  @Test
  void unknownKeysAndConflictsAre400() {
    assertThatThrownBy(() -> anyNamespace(metrics, Map.of("fieldSelector", "severity=ERROR")))
        .hasMessage("field label not supported: severity");
    assertThatThrownBy(
            () -> anyNamespace(metrics, Map.of("fieldSelector", "window=1h", "window", "2h")))
        .hasMessageContaining("both as a query parameter");
    assertThatThrownBy(() -> anyNamespace(metrics, Map.of("fieldSelector", "window!=1h")))
        .hasMessageContaining("supports only '='");
    assertThatThrownBy(
            () -> anyNamespace(metrics, Map.of("fieldSelector", "metadata.namespace=Shop")))
        .hasMessageContaining("RFC 1123 label");
  }

  @Test
  void fingerprintDependsOnSelectorsAndWindowParametersOnly() {
    String a = anyNamespace(metrics, Map.of("labelSelector", "a=b")).fingerprint();
    String b =
        metrics
            .parse(
                Map.of("labelSelector", "a==b", "limit", "5"),
                Optional.empty(),
                NOW.plusSeconds(30))
            .fingerprint();
    String c = anyNamespace(metrics, Map.of("labelSelector", "a=c")).fingerprint();
    String d =
        metrics
            .parse(Map.of("labelSelector", "a=b", "window", "1h"), Optional.empty(), NOW)
            .fingerprint();
    assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(d);
  }

  @Test
  void moreRequirementsThanStorageShouldAnalyseAreABadRequest() {
    String many =
        String.join(
            ",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "k" + i + "=v").toList());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> metrics.parse(Map.of("labelSelector", many), Optional.of("shop"), NOW))
        .isInstanceOf(io.kubetel.model.problem.InvalidInputException.class)
        .hasMessageContaining("101 requirements; at most 100");
  }
}
