package io.kubetel.apiserver.table;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * One Table row before rendering.
 *
 * @param cells one value per column (String, Number or null)
 * @param object the full (typed) object; the row carries it, its metadata or nothing depending on
 *     {@code includeObject}
 * @param metadata the object's metadata
 */
public record TableRow(List<Object> cells, Object object, ObjectMeta metadata) {
  public TableRow {
    cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
  }
}
