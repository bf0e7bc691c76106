package io.kubetel.model.logs;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.Optional;

/** Reads log records; what the API server's logs handler depends on. */
public interface LogReader {

  /** Records in the window, oldest first. */
  Page<LogEntry> listLogs(ListRequest request);

  /** The record with this object name in the namespace. */
  Optional<LogEntry> getLog(String namespace, String name);
}
