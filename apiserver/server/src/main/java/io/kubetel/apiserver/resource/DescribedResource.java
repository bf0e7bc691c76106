package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.table.TableColumn;
import java.util.List;
import java.util.function.Function;

/**
 * The half every {@link TelemetryResource} shares: what discovery publishes about it, how it is
 * selected, which table columns it has, how an item is named and the metadata field values that
 * follow from that name. Subclasses add the reads and the conversions.
 *
 * @param <T> the storage read model of one item
 */
public abstract class DescribedResource<T> implements TelemetryResource<T> {
  private final ResourceInfo info;
  private final SelectorVocabulary vocabulary;
  private final List<TableColumn> columns;
  private final Function<T, String> name;
  private final Function<T, String> namespace;

  /**
   * @param name an item's object name
   * @param namespace an item's namespace (null or empty when it has none)
   */
  protected DescribedResource(
      ResourceInfo info,
      SelectorVocabulary vocabulary,
      List<TableColumn> columns,
      Function<T, String> name,
      Function<T, String> namespace) {
    this.info = info;
    this.vocabulary = vocabulary;
    this.columns = List.copyOf(columns);
    this.name = name;
    this.namespace = namespace;
  }

  @Override
  public final ResourceInfo info() {
    return info;
  }

  @Override
  public final SelectorVocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public final List<TableColumn> columns() {
    return columns;
  }

  @Override
  public final String name(T item) {
    return name.apply(item);
  }

  @Override
  public final String namespace(T item) {
    return namespace.apply(item);
  }

  /**
   * Answers the metadata keys from {@link #name} and {@link #namespace}, every other key from
   * {@link #specFieldValues}, so each resource only speaks for its own fields.
   */
  @Override
  public List<String> fieldValues(T item, String key) {
    return switch (key) {
      case SelectorVocabulary.METADATA_NAME -> List.of(name(item));
      case SelectorVocabulary.METADATA_NAMESPACE -> SelectorVocabulary.singleValue(namespace(item));
      default -> specFieldValues(item, key);
    };
  }

  /**
   * The values of a resource's own field-selector key, as {@link #fieldValues} describes them; null
   * (storage decides) unless a resource knows better.
   */
  protected List<String> specFieldValues(T item, String key) {
    return null;
  }
}
