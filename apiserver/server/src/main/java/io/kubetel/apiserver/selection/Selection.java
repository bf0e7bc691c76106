package io.kubetel.apiserver.selection;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.labels.LabelSelector;
import io.kubetel.model.window.TimeWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request's resolved selection: the window, the filters pushed down to storage, and what is
 * re-checked in memory on every produced object so the result is exact even where push-down is
 * approximate.
 *
 * @param namespace the namespace scope for storage (the URL's, or {@code metadata.namespace=X} on
 *     an all-namespaces request)
 * @param exactName the object name when the field selector pins {@code metadata.name}
 * @param labels label requirements checked in memory (those the labels are authoritative for)
 * @param fields field-selector terms checked in memory (window keys excluded)
 * @param fingerprint hash of the selectors and window parameters, bound into continue tokens
 */
public record Selection(
    Optional<String> namespace,
    TimeWindow window,
    List<FieldFilter> filters,
    Optional<String> exactName,
    LabelSelector labels,
    List<FieldRequirement> fields,
    String fingerprint) {

  public Selection {
    filters = List.copyOf(filters);
    fields = List.copyOf(fields);
  }

  /** This selection reading another window (a continue token's). */
  public Selection withWindow(TimeWindow other) {
    return new Selection(namespace, other, filters, exactName, labels, fields, fingerprint);
  }

  /**
   * Whether an object with these labels and field values is selected.
   *
   * @param fieldValues the object's values of a field-selector key (empty when absent), or null
   *     when the object cannot tell and storage's push-down is trusted for that key
   */
  public boolean matches(
      Map<String, String> objectLabels, Function<String, List<String>> fieldValues) {
    if (!labels.matches(objectLabels)) {
      return false;
    }
    for (FieldRequirement f : fields) {
      List<String> actual = fieldValues.apply(f.key());
      if (actual != null && !f.matches(actual)) {
        return false;
      }
    }
    return true;
  }
}
