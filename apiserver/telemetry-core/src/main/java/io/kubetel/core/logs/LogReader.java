package io.kubetel.core.logs;

import io.kubetel.core.page.ListRequest;
import io.kubetel.core.page.Page;
import java.util.Optional;

/** Reads log records; what the API server's logs handler depends on. */
public interface LogReader {

  /** Records in the window, oldest first. */
  Page<LogEntry> listLogs(ListRequest request);

  /** The record with this object name in the namespace. */
  Optional<LogEntry> getLog(String namespace, String name);
}
