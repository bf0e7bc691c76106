package io.kubetel.operator.query;

/**
 * One thing wrong with a spec: a CamelCase {@code reason} for the condition, the {@code field} path
 * it concerns and a {@code message} a user can act on.
 */
public record Problem(String reason, String field, String message) {

  /** {@code field: message}, as shown in a condition message. */
  public String describe() {
    return field + ": " + message;
  }

  /** The same problem under a parent path (e.g. {@code spec.panels[2]}). */
  public Problem under(String prefix) {
    return new Problem(reason, prefix + "." + field, message);
  }
}
