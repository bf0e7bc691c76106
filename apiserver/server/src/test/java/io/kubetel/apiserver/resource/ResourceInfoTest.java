package io.kubetel.apiserver.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What discovery and OpenAPI will publish, and object labels. */
class ResourceInfoTest {
  final List<ResourceInfo> infos =
      TelemetryResources.create(
              new InMemoryTelemetryStore(),
              null,
              new MutableClock(Instant.EPOCH),
              ResourceSettings.DEFAULTS,
              ContinueKey.random())
          .stream()
          .map(ResourceHandler::info)
          .toList();

  @Test
  void namesVerbsAndCategories() {
    assertThat(infos)
        .extracting(i -> i.plural() + "/" + i.singular() + "/" + i.kind() + "/" + i.shortNames())
        .containsExactly(
            "metrics/metric/Metric/[met]",
            "traces/trace/Trace/[tr]",
            "logs/log/LogRecord/[lr, logrecord]",
            "queries/query/TelemetryQuery/[tq]");
    assertThat(infos)
        .allSatisfy(
            i -> {
              assertThat(i.namespaced()).isTrue();
              assertThat(i.categories()).containsExactly("telemetry");
              assertThat(i.verbs()).doesNotContain("delete", "update", "patch");
            });
    assertThat(infos.get(3).verbs()).containsExactly("create");
  }

  @Test
  void everySchemaPropertyHasADescription() {
    for (ResourceInfo info : infos) {
      List<String> missing = new ArrayList<>();
      walk(info.schema(), info.kind(), missing);
      assertThat(missing).as(info.kind()).isEmpty();
      assertThat(info.schema().path("type").asText()).isEqualTo("object");
    }
  }

  private static void walk(JsonNode schema, String path, List<String> missing) {
    if (!schema.hasNonNull("description") || schema.path("description").asText().isBlank()) {
      missing.add(path);
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), missing));
    if (schema.has("items")) {
      walk(schema.get("items"), path + "[]", missing);
    }
  }

  @Test
  void labelsKeepOnlyValidLabelsAndNeverOverrideWellKnownOnes() {
    Map<String, String> labels =
        new Labels()
            .put("service", "my svc") // invalid value: left out, but the key stays reserved
            .put("pod", "p-1")
            .attributes(
                Map.of(
                    "service",
                    "sneaky",
                    "http.route",
                    "/a/b",
                    "ok.key",
                    "v",
                    "bad key",
                    "v",
                    "empty",
                    ""))
            .build();
    assertThat(labels).containsOnly(Map.entry("pod", "p-1"), Map.entry("ok.key", "v"));
  }
}
