package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubetel.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML (one or more {@code ---} separated documents) into JSON trees, with a reader of the
 * one mapper ({@code io.kubetel.model.json.Json}) switched to the YAML syntax.
 */
public final class YamlDocuments {
  // The one mapper's reader over a YAML parser: the same configuration, another syntax.
  private static final ObjectReader READER =
      Json.mapper().readerFor(JsonNode.class).with(new YAMLFactory());

  private YamlDocuments() {}

  /** Every non-empty document of {@code yaml}, in order. */
  public static List<JsonNode> read(InputStream yaml) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = READER.readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode document = it.nextValue();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    }
    return documents;
  }
}
