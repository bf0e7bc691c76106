package io.kubetel.store.testing;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.query.Signal;
import io.kubetel.store.sql.FieldSql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one in-memory record (a metric series, a span, a log record) as ClickHouse holds
 * them: columns, resource attributes and record attributes. Keys are looked up through the store's
 * own allow-list ({@link FieldSql#locate}), so invalid keys and keys of another signal fail the
 * same way, and filters match with the store's semantics: a column is present when not empty, an
 * attribute when its key is there; negative operators also match absent fields.
 */
record FieldValues(
    Signal signal,
    Map<String, String> columns,
    Map<String, String> resource,
    Map<String, String> attributes) {

  FieldValues {
    columns = Map.copyOf(columns);
    resource = Map.copyOf(resource);
    attributes = Map.copyOf(attributes);
  }

  /** Resource attributes with the namespace and pod a record also names in its own fields. */
  static Map<String, String> resource(Map<String, String> given, String namespace, String pod) {
    Map<String, String> out = new HashMap<>(given);
    putIfText(out, FieldSql.NAMESPACE_ATTR, namespace);
    putIfText(out, FieldSql.POD_ATTR, pod);
    return out;
  }

  private static void putIfText(Map<String, String> out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.putIfAbsent(key, value);
    }
  }

  /** The field's value, or null when absent (an empty column reads as an empty value). */
  String value(String key) {
    FieldSql.Location at = FieldSql.locate(signal, key);
    return switch (at.source()) {
      case COLUMN -> columns.getOrDefault(at.name(), "");
      case RESOURCE -> resource.get(at.name());
      case RECORD -> attributes.get(at.name());
    };
  }

  /** The value as a group-by label: empty when absent, as ClickHouse reads a missing key. */
  String label(String key) {
    String v = value(key);
    return v == null ? "" : v;
  }

  private boolean present(String key) {
    FieldSql.Location at = FieldSql.locate(signal, key);
    return switch (at.source()) {
      case COLUMN -> !columns.getOrDefault(at.name(), "").isEmpty();
      case RESOURCE -> resource.containsKey(at.name());
      case RECORD -> attributes.containsKey(at.name());
    };
  }

  /** Whether this one record passes the filter. */
  boolean matches(FieldFilter f) {
    if (isMetricType(f)) {
      return true;
    }
    boolean positive = matchesPositive(f);
    return FieldSql.isNegative(f) ? !positive : positive;
  }

  /** Whether the record passes the filter's positive form (Equals for NotEquals, ...). */
  boolean matchesPositive(FieldFilter f) {
    if (isMetricType(f)) {
      return true;
    }
    List<String> values = f.values();
    return switch (f.operator()) {
      case EQUALS, NOT_EQUALS, IN, NOT_IN -> present(f.key()) && values.contains(value(f.key()));
      case EXISTS, NOT_EXISTS -> present(f.key());
    };
  }

  // The metric type selects tables in the store (MetricSql.typeMatches), it is no field.
  private boolean isMetricType(FieldFilter f) {
    return signal == Signal.METRICS && f.key().equals(FieldKeys.TYPE);
  }

  /** Throws as the store does for any filter key it cannot resolve for this signal. */
  void checkKeys(List<FieldFilter> filters) {
    filters.stream().filter(f -> !isMetricType(f)).forEach(f -> FieldSql.locate(signal, f.key()));
  }
}
