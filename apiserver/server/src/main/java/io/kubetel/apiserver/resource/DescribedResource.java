package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.table.TableColumn;
import java.util.List;

/**
 * The static half every {@link TelemetryResource} shares: what discovery publishes about it, how it
 * is selected and which table columns it has. Subclasses add the reads and the conversions.
 *
 * @param <T> the storage read model of one item
 */
public abstract class DescribedResource<T> implements TelemetryResource<T> {
  private final ResourceInfo info;
  private final SelectorVocabulary vocabulary;
  private final List<TableColumn> columns;

  protected DescribedResource(
      ResourceInfo info, SelectorVocabulary vocabulary, List<TableColumn> columns) {
    this.info = info;
    this.vocabulary = vocabulary;
    this.columns = List.copyOf(columns);
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
}
