package io.kubetel.apiserver.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders {@code meta.k8s.io} Tables as kubectl expects them (see kubernetes-api-notes.md): column
 * definitions with {@code priority: 1} for wide-only columns, rows whose {@code object} is a {@code
 * PartialObjectMetadata} by default.
 */
public final class Tables {
  private final ObjectMapper mapper;

  public Tables(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Renders a Table.
   *
   * @param withColumns false to send {@code columnDefinitions: null} (watch events after the first)
   * @param continueToken the list's continue token, or null
   */
  public ObjectNode render(
      ResponseFormat format,
      List<TableColumn> columns,
      boolean withColumns,
      List<TableRow> rows,
      IncludeObject include,
      String resourceVersion,
      String continueToken) {
    ObjectNode table = mapper.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", format.tableApiVersion());
    ObjectNode meta = table.putObject("metadata");
    if (resourceVersion != null) {
      meta.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null) {
      meta.put("continue", continueToken);
    }
    if (withColumns) {
      ArrayNode defs = table.putArray("columnDefinitions");
      for (TableColumn c : columns) {
        ObjectNode d = defs.addObject();
        d.put("name", c.name());
        d.put("type", c.type());
        d.put("format", c.format());
        d.put("description", c.description());
        d.put("priority", c.priority());
      }
    } else {
      table.putNull("columnDefinitions");
    }
    ArrayNode out = table.putArray("rows");
    for (TableRow row : rows) {
      ObjectNode r = out.addObject();
      ArrayNode cells = r.putArray("cells");
      for (Object cell : row.cells()) {
        cells.add(mapper.valueToTree(cell));
      }
      switch (include) {
        case NONE -> {}
        case METADATA -> r.set("object", partial(row.object()));
        case OBJECT -> r.set("object", row.object());
      }
    }
    return table;
  }

  /** The {@code PartialObjectMetadata} of an object. */
  public ObjectNode partial(ObjectNode object) {
    ObjectNode partial = mapper.createObjectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", object.path("metadata").deepCopy());
    return partial;
  }
}
