package io.kubetel.apiserver.resource;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import java.util.List;

/**
 * A list of served objects ({@code MetricList}, ...): {@code metadata.resourceVersion} is the
 * read's as-of time, {@code metadata.continue} is set when more may follow.
 */
public record ObjectList(
    String apiVersion, String kind, ListMeta metadata, List<? extends ServedObject> items) {

  /** The {@code listKind} list of {@code items} at {@code resourceVersion}. */
  public static ObjectList of(
      String listKind, List<? extends ServedObject> items, String resourceVersion, String next) {
    ListMeta meta = new ListMeta();
    meta.setResourceVersion(resourceVersion);
    meta.setContinue(next);
    return new ObjectList(TelemetryApiGroup.API_VERSION, listKind, meta, List.copyOf(items));
  }
}
