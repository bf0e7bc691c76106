package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.table.IncludeObject;
import io.kubetel.apiserver.table.ResponseFormat;
import io.kubetel.apiserver.table.Table;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.apiserver.table.TableRow;
import io.kubetel.apiserver.table.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a kind's objects as a {@code meta.k8s.io} Table like kube-apiserver does for custom
 * resources: a Name column, then the CRD's {@code additionalPrinterColumns} (priority 1 only with
 * {@code -o wide}).
 */
final class CustomResourceTables {
  private final CrdKind kind;
  private final List<TableColumn> columns;
  private final Tables tables = new Tables();

  CustomResourceTables(CrdKind kind) {
    this.kind = kind;
    List<TableColumn> all = new ArrayList<>();
    all.add(
        TableColumn.name(
            "Name must be unique within a namespace. More info:"
                + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"));
    kind.columns().forEach(c -> all.add(c.column()));
    this.columns = List.copyOf(all);
  }

  /** A Table of {@code objects}; {@code withColumns} false for watch events after the first. */
  Table render(
      ResponseFormat format,
      boolean withColumns,
      List<ObjectNode> objects,
      IncludeObject include,
      String resourceVersion,
      Instant now) {
    List<TableRow> rows = new ArrayList<>();
    for (ObjectNode object : objects) {
      List<Object> cells = new ArrayList<>();
      cells.add(object.path("metadata").path("name").asText());
      kind.columns().forEach(c -> cells.add(c.cell(object, now)));
      rows.add(new TableRow(cells, object, metadata(object)));
    }
    return tables.render(format, columns, withColumns, rows, include, resourceVersion, null);
  }

  /** The typed metadata of a loaded object (its metadata was checked at load). */
  private static ObjectMeta metadata(ObjectNode object) {
    return ApiJson.MAPPER.convertValue(object.path("metadata"), ObjectMeta.class);
  }
}
