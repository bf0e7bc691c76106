package io.kubetel.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * One object found by a watch poll, already converted.
 *
 * @param createdAt when the object first existed (before the watch's RV means MODIFIED, not ADDED)
 * @param changedAt when it last changed; the watch sends it again when this moves
 * @param object the full object (resourceVersion = the poll's as-of time)
 * @param cells its table row cells
 */
public record WatchItem(
    String name, Instant createdAt, Instant changedAt, ObjectNode object, List<Object> cells) {
  public WatchItem {
    cells = Collections.unmodifiableList(new java.util.ArrayList<>(cells));
  }
}
