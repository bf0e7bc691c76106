package io.kubetel.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.problem.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table rendering, includeObject, content negotiation and cell formats. */
class TablesTest {
  final ObjectMapper mapper = new ObjectMapper();
  final Tables tables = new Tables();
  final List<TableColumn> columns =
      List.of(
          TableColumn.name("n"),
          TableColumn.of("V", "number", "v"),
          TableColumn.wide("W", "string", "w"));

  ObjectNode object() {
    ObjectNode o = mapper.createObjectNode();
    o.put("kind", "Metric");
    o.putObject("metadata")
        .put("name", "a")
        .put("namespace", "ns")
        .putObject("labels")
        .put("k", "v");
    o.putObject("status").put("x", 1);
    return o;
  }

  ObjectMeta metadata() {
    return mapper.convertValue(object().get("metadata"), ObjectMeta.class);
  }

  JsonNode json(Table table) {
    return mapper.valueToTree(table);
  }

  @Test
  void rendersColumnsRowsAndMetadata() {
    JsonNode t =
        json(
            tables.render(
                ResponseFormat.table("v1"),
                columns,
                true,
                List.of(new TableRow(Arrays.asList("a", 1.5, null), object(), metadata())),
                IncludeObject.METADATA,
                "100",
                "tok"));
    assertThat(t.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(t.path("metadata").path("continue").asText()).isEqualTo("tok");
    assertThat(t.path("columnDefinitions").get(0).path("format").asText()).isEqualTo("name");
    assertThat(t.path("columnDefinitions").get(2).path("priority").asInt()).isEqualTo(1);
    JsonNode row = t.path("rows").get(0);
    assertThat(row.path("cells").toString()).isEqualTo("[\"a\",1.5,null]");
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("labels").path("k").asText())
        .isEqualTo("v");
    assertThat(row.path("object").has("status")).isFalse();
  }

  @Test
  void includeObjectModesAndLaterWatchEvents() {
    var rows = List.of(new TableRow(Arrays.asList("a", 1, "w"), object(), metadata()));
    JsonNode none =
        json(
            tables.render(
                ResponseFormat.table("v1"), columns, false, rows, IncludeObject.NONE, null, null));
    assertThat(none.path("rows").get(0).has("object")).isFalse();
    assertThat(none.path("columnDefinitions").isNull()).isTrue();
    JsonNode full =
        json(
            tables.render(
                ResponseFormat.table("v1beta1"),
                columns,
                true,
                rows,
                IncludeObject.OBJECT,
                null,
                null));
    assertThat(full.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
    assertThat(full.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("Metric");
    assertThat(IncludeObject.parse(null)).isEqualTo(IncludeObject.METADATA);
    assertThatThrownBy(() -> IncludeObject.parse("metadata"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be one of None, Metadata, Object");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      value = {
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json|table:v1",
        "application/json;as=Table;v=v1beta1;g=meta.k8s.io|table:v1beta1",
        "application/json|object",
        "-|object",
        "*/*|object",
        "application/yaml, application/json;q=0.5|object",
        "application/json;q=0.5,application/json;as=Table;g=meta.k8s.io;v=v1|table:v1",
        "application/json;as=Table;v=v2;g=meta.k8s.io,application/json|object",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json|object",
      })
  void negotiates(String accept, String expected) {
    ResponseFormat f = ContentNegotiation.negotiate(accept);
    assertThat(f.table() ? "table:" + f.tableApiVersion().substring(12) : "object")
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/yaml",
        "application/vnd.kubernetes.protobuf",
        "application/json;as=Table;v=v1;g=meta.k8s.io;q=0",
        "text/html",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io",
      })
  void unsupportedIs406(String accept) {
    assertThatThrownBy(() -> ContentNegotiation.negotiate(accept))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(406));
  }

  @ParameterizedTest
  @CsvSource({
    "0,0s",
    "59,59s",
    "119,119s",
    "150,2m30s",
    "600,10m",
    "7200,120m",
    "10800,3h",
    "18000,5h",
    "19800,5h30m",
    "86400,24h",
    "180000,2d2h",
    "864000,10d",
    "63072000,2y"
  })
  void agesLikeKubectl(long seconds, String expected) {
    assertThat(Ages.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void cellFormats() {
    assertThat(Ages.elapsed(120_000_000)).isEqualTo("120ms");
    assertThat(Ages.elapsed(1_234_500_000)).isEqualTo("1.235s");
    assertThat(Ages.elapsed(850_000)).isEqualTo("850µs");
    assertThat(Cells.number(1234567.891)).isEqualTo(1234570.0);
    assertThat(Cells.number(Double.NaN)).isNull();
    assertThat(Cells.truncate("a\nb", 80)).isEqualTo("a b");
    assertThat(Cells.truncate("x".repeat(100), 80)).hasSize(80).endsWith("...");
  }
}
