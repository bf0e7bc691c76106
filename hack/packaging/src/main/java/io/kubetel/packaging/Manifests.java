package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads multi-document YAML (helm template output) into trees and writes trees back as YAML. */
public final class Manifests {
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  private Manifests() {}

  /** The YAML mapper (trees keep the order of the keys). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Every non-empty document of {@code yaml}, as objects. */
  public static List<ObjectNode> parseAll(String yaml) {
    List<ObjectNode> docs = new ArrayList<>();
    try (YAMLParser parser = YAML.createParser(yaml)) {
      var it = MAPPER.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc instanceof ObjectNode o && !o.isEmpty()) {
          docs.add(o);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read YAML: " + e.getMessage(), e);
    }
    return docs;
  }

  /** One document as YAML. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kind/name} of a manifest, for messages. */
  public static String id(JsonNode manifest) {
    return manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
  }
}
