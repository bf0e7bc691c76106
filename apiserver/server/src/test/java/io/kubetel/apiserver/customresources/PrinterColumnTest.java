package io.kubetel.apiserver.customresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Printer column cells, as kube-apiserver fills them for custom resources. */
class PrinterColumnTest {
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

  private static JsonNode object() throws Exception {
    return Json.mapper()
        .readTree(
            """
            {"metadata":{"creationTimestamp":"2026-01-01T00:00:00Z"},
             "status":{"panelCount":3,"ok":true,"lastValue":1.5,"nested":{"a":1},
               "conditions":[{"type":"Ready","status":"False"},{"type":"Valid","status":"True"}]}}
            """);
  }

  private static Object cell(String type, String path) throws Exception {
    return new PrinterColumn("c", type, path, 0, null).cell(object(), NOW);
  }

  @Test
  void fillsCellsByType() throws Exception {
    assertThat(cell("date", ".metadata.creationTimestamp")).isEqualTo("60m");
    assertThat(cell("integer", ".status.panelCount")).isEqualTo(3);
    assertThat(cell("number", ".status.lastValue")).isEqualTo(1.5);
    assertThat(cell("boolean", ".status.ok")).isEqualTo(true);
    assertThat(cell("string", ".status.nested")).isEqualTo("{\"a\":1}");
    assertThat(cell("string", ".status.conditions[?(@.type==\"Valid\")].status")).isEqualTo("True");
    assertThat(cell("string", ".status.conditions[0].type")).isEqualTo("Ready");
    assertThat(cell("string", ".status.conditions[5].type")).isNull();
    assertThat(cell("string", ".spec.title")).isNull();
  }

  @Test
  void aDateThatIsNoTimestampIsShownAsIs() throws Exception {
    assertThat(cell("date", ".status.conditions[0].type")).isEqualTo("Ready");
  }

  @Test
  void anUnsupportedPathIsRefusedUpFront() {
    assertThatThrownBy(() -> new PrinterColumn("c", "string", ".a..b", 0, null))
        .hasMessageContaining("unsupported printer column JSONPath");
  }
}
