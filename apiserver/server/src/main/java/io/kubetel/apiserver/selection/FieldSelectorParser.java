package io.kubetel.apiserver.selection;

import io.kubetel.model.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code fieldSelector} query parameter with Kubernetes syntax: comma-separated terms
 * {@code k=v}, {@code k==v} or {@code k!=v}; in values {@code \,}, {@code \=} and {@code \\} escape
 * the special characters. Problems are {@link InvalidInputException}s (400 BadRequest).
 */
public final class FieldSelectorParser {
  private static final int MAX_LENGTH = 16 * 1024;

  private FieldSelectorParser() {}

  /** Parses {@code selector}; null or blank yields no terms. */
  public static List<FieldRequirement> parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return List.of();
    }
    if (selector.length() > MAX_LENGTH) {
      throw error("field selector is longer than " + MAX_LENGTH + " characters");
    }
    List<FieldRequirement> terms = new ArrayList<>();
    for (String term : splitTerms(selector)) {
      terms.add(parseTerm(term));
    }
    return terms;
  }

  /** Splits on commas that are not escaped. */
  private static List<String> splitTerms(String s) {
    List<String> terms = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(c).append(s.charAt(++i));
      } else if (c == ',') {
        terms.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString());
    return terms;
  }

  private static FieldRequirement parseTerm(String term) {
    String trimmed = term.strip();
    if (trimmed.isEmpty()) {
      throw error("empty term (stray ',')");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '!' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '=') {
        return term(trimmed, i, i + 2, true);
      }
      if (c == '=') {
        int end = i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '=' ? i + 2 : i + 1;
        return term(trimmed, i, end, false);
      }
    }
    throw error("'" + trimmed + "' is not a term of the form key=value, key==value or key!=value");
  }

  private static FieldRequirement term(String term, int opStart, int valueStart, boolean negated) {
    String key = term.substring(0, opStart).strip();
    if (key.isEmpty()) {
      throw error("'" + term + "' has no field name before the operator");
    }
    if (key.contains("\\")) {
      throw error("field name '" + key + "' must not contain '\\'");
    }
    return new FieldRequirement(key, negated, unescape(term.substring(valueStart).strip(), term));
  }

  private static String unescape(String value, String term) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        if (i + 1 >= value.length()) {
          throw error("'" + term + "' ends with an unfinished escape '\\'");
        }
        char next = value.charAt(++i);
        if (next != '\\' && next != ',' && next != '=') {
          throw error(
              "invalid escape sequence '\\"
                  + next
                  + "' in '"
                  + term
                  + "'; only \\\\, \\, and \\="
                  + " are allowed");
        }
        out.append(next);
      } else if (c == '=') {
        throw error("unescaped '=' in the value of '" + term + "'; write it as \\=");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static InvalidInputException error(String message) {
    return new InvalidInputException("unable to parse field selector: " + message);
  }
}
