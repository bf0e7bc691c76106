package io.kubetel.apiserver.watch;

/** Turns watched items into event objects: full objects, or one-row Tables. */
public interface WatchEncoder {

  /**
   * The event's object.
   *
   * @param first whether this is the stream's first object (Tables carry column definitions only on
   *     the first)
   */
  Object encode(WatchItem item, boolean first);

  /** The object of a BOOKMARK event at {@code resourceVersion}. */
  Object bookmark(String resourceVersion);

  /** The response Content-Type. */
  String contentType();
}
