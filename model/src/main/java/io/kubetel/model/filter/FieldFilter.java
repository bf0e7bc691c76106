package io.kubetel.model.filter;

import java.util.List;
import java.util.Objects;

/**
 * One condition on a telemetry field, pushed down to storage.
 *
 * <p>{@code key} is a field key as defined in {@link FieldKeys}: a well-known field ({@code
 * service}, {@code pod}, ...), a resource attribute ({@code resource.<key>}) or any other string,
 * which names a record attribute (data-point, span or log attribute). Keys and values are data,
 * never SQL: storage escapes both.
 */
public record FieldFilter(String key, FilterOperator operator, List<String> values) {

  public FieldFilter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(values);
    switch (operator) {
      case EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          throw new IllegalArgumentException(operator + " on '" + key + "' needs exactly 1 value");
        }
      }
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          throw new IllegalArgumentException(operator + " on '" + key + "' needs values");
        }
      }
      case EXISTS, NOT_EXISTS -> {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException(operator + " on '" + key + "' takes no values");
        }
      }
    }
  }

  public static FieldFilter eq(String key, String value) {
    return new FieldFilter(key, FilterOperator.EQUALS, List.of(value));
  }
}
