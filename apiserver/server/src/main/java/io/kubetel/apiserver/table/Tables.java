package io.kubetel.apiserver.table;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code meta.k8s.io} Tables as kubectl expects them (see kubernetes-api-notes.md): column
 * definitions with {@code priority: 1} for wide-only columns, rows whose {@code object} is a {@code
 * PartialObjectMetadata} by default.
 */
public final class Tables {

  /**
   * Renders a Table.
   *
   * @param withColumns false to send {@code columnDefinitions: null} (watch events after the first)
   * @param continueToken the list's continue token, or null
   */
  public Table render(
      ResponseFormat format,
      List<TableColumn> columns,
      boolean withColumns,
      List<TableRow> rows,
      IncludeObject include,
      String resourceVersion,
      String continueToken) {
    ListMeta meta = new ListMeta();
    meta.setResourceVersion(resourceVersion);
    meta.setContinue(continueToken);
    List<Table.Row> out = new ArrayList<>(rows.size());
    for (TableRow row : rows) {
      Object object =
          switch (include) {
            case NONE -> null;
            case METADATA -> partial(row.metadata());
            case OBJECT -> row.object();
          };
      out.add(new Table.Row(row.cells(), object));
    }
    return new Table("Table", format.tableApiVersion(), meta, withColumns ? columns : null, out);
  }

  /** The {@code PartialObjectMetadata} of an object with {@code metadata}. */
  public PartialObjectMetadata partial(ObjectMeta metadata) {
    PartialObjectMetadata partial = new PartialObjectMetadata();
    partial.setKind("PartialObjectMetadata");
    partial.setApiVersion("meta.k8s.io/v1");
    partial.setMetadata(metadata);
    return partial;
  }
}
