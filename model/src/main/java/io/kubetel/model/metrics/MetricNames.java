package io.kubetel.model.metrics;

import io.kubetel.model.text.Printable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for metric names users write (OTel and Prometheus names: letters, digits and {@code _ .
 * : / -}, starting with a letter, {@code _} or {@code :}; at most 255 characters), used by
 * TelemetryQuery validation and the {@code metric=} field selector alike. Storage escapes every
 * value anyway; the rule exists so a typo or a pasted SQL fragment gets a precise message.
 */
public final class MetricNames {
  /** Longest metric name. */
  public static final int MAX_LENGTH = 255;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_:][A-Za-z0-9_.:/-]*");

  private MetricNames() {}

  /** Why {@code name} is not a valid metric name, or empty when it is. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("metric name must not be empty");
    }
    String quoted = "metric name \"" + Printable.of(name) + "\"";
    if (name.indexOf('\'') >= 0 || name.indexOf('"') >= 0 || name.indexOf('`') >= 0) {
      return Optional.of(quoted + " must not contain quotes");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of(quoted + " must not contain spaces");
    }
    if (name.contains(";") || name.contains("--") || name.contains("/*") || name.contains("(")) {
      return Optional.of(quoted + " looks like SQL (contains ; -- /* or parentheses)");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("metric name must be no more than " + MAX_LENGTH + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          quoted
              + " contains characters other than letters, digits and _ . : / - (starting with a"
              + " letter, '_' or ':')");
    }
    return Optional.empty();
  }
}
