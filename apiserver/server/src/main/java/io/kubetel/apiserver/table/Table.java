package io.kubetel.apiserver.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ListMeta;
import java.util.List;

/**
 * A {@code meta.k8s.io} Table as kubectl reads it. fabric8's Table wraps row objects in a
 * RawExtension, so this is our own: {@code columnDefinitions} is written even when null (watch
 * events after the first carry {@code null}), a row's {@code object} only when requested.
 *
 * @param apiVersion {@code meta.k8s.io/v1} or {@code v1beta1}, as the client asked
 */
public record Table(
    String kind,
    String apiVersion,
    ListMeta metadata,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<TableColumn> columnDefinitions,
    List<Row> rows) {

  /**
   * One row.
   *
   * @param cells one value per column (String, Number or null)
   * @param object the object, its {@code PartialObjectMetadata}, or null for {@code
   *     includeObject=None}
   */
  public record Row(List<Object> cells, @JsonInclude(JsonInclude.Include.NON_NULL) Object object) {}
}
