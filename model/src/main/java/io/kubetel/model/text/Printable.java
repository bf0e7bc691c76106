package io.kubetel.model.text;

/**
 * Makes user input safe to quote in an error message: cut to a readable length, control characters
 * replaced, so a pasted blob or a terminal escape sequence cannot garble the message or a log line.
 */
public final class Printable {
  /** Longest part of an input quoted in a message; longer input is cut and ends in "...". */
  public static final int MAX_QUOTED = 64;

  private Printable() {}

  /** {@code value} cut to {@link #MAX_QUOTED} characters with control characters as {@code ?}. */
  public static String of(String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints()
        .forEach(
            c -> out.append(Character.isISOControl(c) ? "?" : new String(Character.toChars(c))));
    return out.toString();
  }
}
