package io.kubetel.operator.conditions;

/**
 * An error as one bounded line of text for condition messages, events and log values: the
 * exception's message (its class name when it has none), newlines folded, at most 500 characters.
 */
public final class ErrorText {

  private ErrorText() {}

  /** One line describing {@code e}. */
  public static String describe(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    m = m.replace('\n', ' ');
    return m.length() > 500 ? m.substring(0, 500) + "..." : m;
  }
}
