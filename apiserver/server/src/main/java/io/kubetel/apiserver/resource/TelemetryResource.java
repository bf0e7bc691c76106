package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRule;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One read-only telemetry resource (metrics, traces, logs): how to read it from its narrow storage
 * reader and how its items look as objects, labels, fields and table rows. {@link
 * ReadOnlyResourceHandler} turns it into list, get and watch.
 *
 * @param <T> the storage read model of one item
 */
public interface TelemetryResource<T> {

  ResourceInfo info();

  /** Field-selector keys and label mapping. */
  SelectorVocabulary vocabulary();

  /** Table columns, wide-only ones with priority 1. */
  List<TableColumn> columns();

  /** Reads one page (blocking; called on a worker thread). */
  Page<T> list(ListRequest request);

  /** Reads one item by object name (blocking; called on a worker thread). */
  Optional<T> get(String namespace, String name, TimeWindow window);

  /** The window a get-by-name reads when the request names none. */
  default Duration defaultGetWindow(ResourceSettings settings) {
    return settings.defaultWindow();
  }

  /**
   * The rule an object name from a URL must pass before any read (the handler answers 400 with its
   * message): any valid object name unless the resource names objects more strictly.
   */
  default ValueRule nameRule() {
    return ValueRules.OBJECT_NAME;
  }

  String name(T item);

  String namespace(T item);

  /** The object's labels (all valid Kubernetes labels). */
  Map<String, String> labels(T item);

  /**
   * The values of a field-selector key on this item for in-memory matching: one value, several
   * (e.g. every service of a trace), empty when absent, or null when the item cannot tell and the
   * storage push-down is trusted.
   */
  List<String> fieldValues(T item, String key);

  /**
   * The full object.
   *
   * @param detail whether to include detail (metric points); false for tables
   */
  ServedObject toObject(T item, String resourceVersion, TimeWindow window, boolean detail);

  /** One table row's cells, in {@link #columns()} order. */
  List<Object> cells(T item, Instant now);

  /** When the item first existed (decides ADDED vs MODIFIED in a watch). */
  Instant createdAt(T item);

  /** When the item last changed (a watch re-sends it when this moves). */
  Instant changedAt(T item);

  /**
   * The window a watch poll reads for changes since {@code since}: by default exactly {@code
   * [since, now)}; metrics read the default window so statistics match the list's.
   */
  default TimeWindow watchWindow(Instant since, Instant now, ResourceSettings settings) {
    return new TimeWindow(since, now);
  }
}
