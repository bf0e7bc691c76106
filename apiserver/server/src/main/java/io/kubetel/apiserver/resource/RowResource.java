package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A resource whose objects are rows of one table (logs, anomalies, alert events): a list is a page
 * of rows, a get is one row found by namespace and name (its window does not matter: the name
 * identifies the row), and every field-selector key of its own is one column of the row. Subclasses
 * add only what differs: labels, the object, the table cells and the times.
 *
 * @param <T> the storage read model of one row
 */
public abstract class RowResource<T> extends DescribedResource<T> {
  /** How the rows are read (blocking; called on a worker thread). */
  public interface Rows<T> {
    Page<T> list(ListRequest request);

    Optional<T> get(String namespace, String name);

    /** Rows read by a reader's list and get-by-name calls, e.g. {@code reader::listLogs}. */
    static <T> Rows<T> of(
        Function<ListRequest, Page<T>> list, BiFunction<String, String, Optional<T>> get) {
      return new Rows<>() {
        @Override
        public Page<T> list(ListRequest request) {
          return list.apply(request);
        }

        @Override
        public Optional<T> get(String namespace, String name) {
          return get.apply(namespace, name);
        }
      };
    }
  }

  private final Rows<T> rows;
  private final Map<String, Function<T, String>> fields;

  /**
   * @param fields the resource's own field-selector keys (as its vocabulary names them), each with
   *     the row's single value for it
   */
  protected RowResource(
      ResourceInfo info,
      SelectorVocabulary vocabulary,
      List<TableColumn> columns,
      Function<T, String> name,
      Function<T, String> namespace,
      Rows<T> rows,
      Map<String, Function<T, String>> fields) {
    super(info, vocabulary, columns, name, namespace);
    this.rows = rows;
    this.fields = Map.copyOf(fields);
  }

  @Override
  public final Page<T> list(ListRequest request) {
    return rows.list(request);
  }

  @Override
  public final Optional<T> get(String namespace, String name, TimeWindow window) {
    return rows.get(namespace, name);
  }

  /** The row's value of a field key (none when empty); null (storage decides) for other keys. */
  @Override
  protected final List<String> specFieldValues(T item, String key) {
    Function<T, String> field = fields.get(key);
    return field == null ? null : SelectorVocabulary.singleValue(field.apply(item));
  }
}
