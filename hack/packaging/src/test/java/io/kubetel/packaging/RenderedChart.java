package io.kubetel.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendering of the chart: the raw manifests and the typed ones (parsed strictly), with lookups
 * by kind and name for the tests.
 *
 * @param raw every rendered manifest
 * @param typed the manifests fabric8 has types for, parsed strictly
 */
record RenderedChart(List<ObjectNode> raw, List<HasMetadata> typed) {

  static RenderedChart of(String valuesFile, Map<String, Object> sets) {
    Path values = valuesFile == null ? null : Repo.resource("values/" + valuesFile);
    List<ObjectNode> raw = new ChartRenderer(Repo.chart()).render(values, sets);
    return new RenderedChart(
        raw, StrictManifests.parseAll(raw.stream().filter(StrictManifests::typed).toList()));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return typed.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(m -> m.getMetadata().getName().equals(name)).findFirst();
  }

  /** The manifests without fabric8 types, of {@code kind}. */
  List<ObjectNode> untyped(String kind) {
    return raw.stream()
        .filter(m -> !StrictManifests.typed(m) && m.path("kind").asText().equals(kind))
        .toList();
  }
}
