package io.kubetel.store.anomalies;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.store.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Field filters on anomalies as SQL conditions: {@code service} and {@code metric} are columns,
 * every other key is a series label (attribute). Keys and values are escaped literals.
 */
final class AnomalyFilters {
  private AnomalyFilters() {}

  static List<String> conditions(List<FieldFilter> filters) {
    List<String> out = new ArrayList<>();
    for (FieldFilter f : filters) {
      out.add(condition(f));
    }
    return out;
  }

  private static String condition(FieldFilter f) {
    String value;
    String present;
    switch (f.key()) {
      case FieldKeys.SERVICE -> {
        value = "service";
        present = "service != ''";
      }
      case FieldKeys.METRIC -> {
        value = "metric";
        present = "metric != ''";
      }
      default -> {
        String key = SqlLiteral.string(f.key());
        value = "label_values[indexOf(label_keys, " + key + ")]";
        present = "has(label_keys, " + key + ")";
      }
    }
    return switch (f.operator()) {
      case EQUALS -> value + " = " + SqlLiteral.string(f.values().get(0));
      case NOT_EQUALS -> value + " != " + SqlLiteral.string(f.values().get(0));
      case IN -> value + " IN " + SqlLiteral.stringList(f.values());
      case NOT_IN -> value + " NOT IN " + SqlLiteral.stringList(f.values());
      case EXISTS -> present;
      case NOT_EXISTS -> "NOT " + present;
    };
  }
}
