package io.kubetel.apiserver.selection;

import java.util.List;

/**
 * One term of a field selector: {@code key=value} / {@code key==value} or {@code key!=value}.
 *
 * @param value the unescaped value
 */
public record FieldRequirement(String key, boolean negated, String value) {

  /**
   * Whether an object whose field holds {@code actual} satisfies the term. A multi-valued field
   * (e.g. the services of a trace) equals the value when any of its values does; an absent field is
   * the empty list.
   */
  public boolean matches(List<String> actual) {
    boolean equal = actual.isEmpty() ? value.isEmpty() : actual.contains(value);
    return negated != equal;
  }

  @Override
  public String toString() {
    return key + (negated ? "!=" : "=") + escape(value);
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }
}
