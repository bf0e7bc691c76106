package io.kubetel.model.alerts;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.Optional;

/**
 * Reads alert events for the {@code alertevents} resource: newest first, keyset-paginated by
 * version, in the request's namespace and time window. Filters on rule, state and severity may be
 * pushed down; callers match them again in memory.
 */
public interface AlertEventReader {

  Page<AlertEvent> listAlertEvents(ListRequest request);

  /** One event by its object name ({@link AlertEvent#name()}). */
  Optional<AlertEvent> getAlertEvent(String namespace, String name);
}
