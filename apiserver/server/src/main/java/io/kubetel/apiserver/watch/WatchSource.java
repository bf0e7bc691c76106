package io.kubetel.apiserver.watch;

import java.time.Instant;
import java.util.List;

/** Reads what a watch needs from storage, with the request's selectors applied. */
@FunctionalInterface
public interface WatchSource {

  /**
   * Objects that changed in {@code [since, now)} (blocking; runs on a worker thread), converted
   * with resourceVersion {@code now}.
   */
  List<WatchItem> poll(Instant since, Instant now);
}
