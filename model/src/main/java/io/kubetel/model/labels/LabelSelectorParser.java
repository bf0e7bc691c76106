package io.kubetel.model.labels;

import io.kubetel.model.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the {@code labelSelector} query parameter with Kubernetes syntax: {@code k=v}, {@code
 * k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code
 * k>n}, {@code k<n}, joined by commas. Keys and values are validated with the Kubernetes label
 * rules. Every problem is an {@link InvalidInputException} naming the offending text (the API
 * server answers 400 BadRequest). Linear in the input, which is bounded by {@link #MAX_LENGTH}.
 */
public final class LabelSelectorParser {
  /** Longest selector accepted. */
  public static final int MAX_LENGTH = 16 * 1024;

  private final String input;
  private int pos;

  private LabelSelectorParser(String input) {
    this.input = input;
  }

  /** Parses {@code selector}; null or blank selects everything. */
  public static LabelSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return LabelSelector.EVERYTHING;
    }
    if (selector.length() > MAX_LENGTH) {
      throw error("label selector is longer than " + MAX_LENGTH + " characters");
    }
    return new LabelSelectorParser(selector).selector();
  }

  private LabelSelector selector() {
    List<LabelRequirement> requirements = new ArrayList<>();
    while (true) {
      requirements.add(requirement());
      skipSpaces();
      if (pos >= input.length()) {
        return new LabelSelector(requirements);
      }
      char c = input.charAt(pos);
      if (c != ',') {
        throw error("found '" + c + "' at position " + pos + ", expected ',' or end of selector");
      }
      pos++;
    }
  }

  private LabelRequirement requirement() {
    skipSpaces();
    if (peek('!') && !peekAt(pos + 1, '=')) {
      pos++;
      String key = key();
      return new LabelRequirement(key, LabelOperator.NOT_EXISTS, List.of());
    }
    String key = key();
    skipSpaces();
    if (pos >= input.length() || peek(',')) {
      return new LabelRequirement(key, LabelOperator.EXISTS, List.of());
    }
    if (input.startsWith("==", pos)) {
      pos += 2;
      return single(key, LabelOperator.EQUALS);
    }
    if (input.startsWith("!=", pos)) {
      pos += 2;
      return single(key, LabelOperator.NOT_EQUALS);
    }
    if (peek('=')) {
      pos++;
      return single(key, LabelOperator.EQUALS);
    }
    if (peek('>') || peek('<')) {
      LabelOperator op = peek('>') ? LabelOperator.GREATER_THAN : LabelOperator.LESS_THAN;
      pos++;
      skipSpaces();
      String value = identifier().orElse("");
      try {
        Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw error(
            "for '"
                + (op == LabelOperator.GREATER_THAN ? ">" : "<")
                + "' on label '"
                + key
                + "' the value must be an integer, got '"
                + value
                + "'");
      }
      return new LabelRequirement(key, op, List.of(value));
    }
    int wordStart = pos;
    Optional<String> word = identifier();
    if (word.isPresent() && (word.get().equals("in") || word.get().equals("notin"))) {
      LabelOperator op = word.get().equals("in") ? LabelOperator.IN : LabelOperator.NOT_IN;
      return new LabelRequirement(key, op, valueSet(key, word.get()));
    }
    throw error(
        "found '"
            + word.orElseGet(() -> String.valueOf(input.charAt(wordStart)))
            + "' after label '"
            + key
            + "', expected one of '=', '==', '!=', 'in', 'notin', '>', '<', ',' or end of selector");
  }

  private LabelRequirement single(String key, LabelOperator op) {
    skipSpaces();
    String value = identifier().orElse("");
    validateValue(key, value);
    return new LabelRequirement(key, op, List.of(value));
  }

  private List<String> valueSet(String key, String op) {
    skipSpaces();
    if (!peek('(')) {
      throw error("expected '(' after '" + key + " " + op + "' at position " + pos);
    }
    pos++;
    List<String> values = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (pos >= input.length()) {
        throw error("missing ')' closing the values of '" + key + " " + op + "'");
      }
      if (peek(')') && values.isEmpty()) {
        throw error("for 'in', 'notin' operators, values set can't be empty (label '" + key + "')");
      }
      String value = identifier().orElse("");
      validateValue(key, value);
      values.add(value);
      skipSpaces();
      if (peek(',')) {
        pos++;
      } else if (peek(')')) {
        pos++;
        return values;
      } else if (pos >= input.length()) {
        throw error("missing ')' closing the values of '" + key + " " + op + "'");
      } else {
        throw error(
            "found '"
                + input.charAt(pos)
                + "' in the values of '"
                + key
                + "', expected ','"
                + " or ')'");
      }
    }
  }

  private String key() {
    skipSpaces();
    Optional<String> key = identifier();
    if (key.isEmpty()) {
      String found = pos >= input.length() ? "end of selector" : "'" + input.charAt(pos) + "'";
      throw error("found " + found + " at position " + pos + ", expected a label key");
    }
    Optional<String> problem = LabelSyntax.keyProblem(key.get());
    if (problem.isPresent()) {
      throw error("invalid label key \"" + key.get() + "\": " + problem.get());
    }
    return key.get();
  }

  private static void validateValue(String key, String value) {
    Optional<String> problem = LabelSyntax.valueProblem(value);
    if (problem.isPresent()) {
      throw error("invalid value \"" + value + "\" for label \"" + key + "\": " + problem.get());
    }
  }

  private Optional<String> identifier() {
    int start = pos;
    while (pos < input.length() && !isSpecial(input.charAt(pos))) {
      pos++;
    }
    return pos > start ? Optional.of(input.substring(start, pos)) : Optional.empty();
  }

  private static boolean isSpecial(char c) {
    return Character.isWhitespace(c)
        || c == '!'
        || c == '='
        || c == '('
        || c == ')'
        || c == ','
        || c == '<'
        || c == '>';
  }

  private void skipSpaces() {
    while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return peekAt(pos, c);
  }

  private boolean peekAt(int at, char c) {
    return at < input.length() && input.charAt(at) == c;
  }

  private static InvalidInputException error(String message) {
    // Keys and values are quoted as written; control characters must not reach messages or logs.
    StringBuilder safe = new StringBuilder(message.length());
    message.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return new InvalidInputException("unable to parse label selector: " + safe);
  }
}
