package io.kubetel.apiserver.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One Table row before rendering.
 *
 * @param cells one value per column (String, Number or null)
 * @param object the full object (with its metadata); the row carries all, its metadata or nothing
 *     depending on {@code includeObject}
 */
public record TableRow(List<Object> cells, ObjectNode object) {
  public TableRow {
    cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
  }
}
