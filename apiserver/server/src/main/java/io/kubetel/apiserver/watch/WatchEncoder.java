package io.kubetel.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns watched items into event objects: full objects, or one-row Tables. */
public interface WatchEncoder {

  /**
   * The event's object.
   *
   * @param first whether this is the stream's first object (Tables carry column definitions only on
   *     the first)
   */
  ObjectNode encode(WatchItem item, boolean first);

  /** The object of a BOOKMARK event at {@code resourceVersion}. */
  ObjectNode bookmark(String resourceVersion);

  /** The response Content-Type. */
  String contentType();
}
