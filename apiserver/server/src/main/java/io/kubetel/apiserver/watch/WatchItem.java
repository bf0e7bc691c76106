package io.kubetel.apiserver.watch;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * One object found by a watch poll, already converted.
 *
 * @param createdAt when the object first existed (before the watch's RV means MODIFIED, not ADDED)
 * @param changedAt when it last changed; the watch sends it again when this moves
 * @param object the full (typed) object (resourceVersion = the poll's as-of time)
 * @param metadata the object's metadata
 * @param cells its table row cells
 */
public record WatchItem(
    String name,
    Instant createdAt,
    Instant changedAt,
    Object object,
    ObjectMeta metadata,
    List<Object> cells) {
  public WatchItem {
    cells = Collections.unmodifiableList(new java.util.ArrayList<>(cells));
  }
}
