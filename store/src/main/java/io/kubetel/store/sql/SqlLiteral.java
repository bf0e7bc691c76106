package io.kubetel.store.sql;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Renders values as ClickHouse SQL literals. The only way a user-supplied value enters SQL.
 *
 * <p>Strings: backslash is escaped first, then the single quote, then the result is wrapped in
 * single quotes. Doing it in this order means no input can end the literal early ({@code
 * SQLUtils.enquoteLiteral} gets this wrong for {@code \'}).
 */
public final class SqlLiteral {
  /**
   * Mutation-test switch, package-private and true in every production path: only a test main
   * placed in this package turns it off, to prove that the API server's hostile-input suite fails
   * when values reach SQL unescaped. No flag, property or environment variable reaches it.
   */
  static volatile boolean escaping = true;

  private SqlLiteral() {}

  /** A string literal. */
  public static String string(String value) {
    if (value == null) {
      throw new IllegalArgumentException("SQL string literal must not be null");
    }
    if (!escaping) {
      return "'" + value + "'";
    }
    StringBuilder sb = new StringBuilder(value.length() + 2);
    sb.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '\'') {
        sb.append("\\'");
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** A parenthesised, comma-separated list of string literals for {@code IN}. */
  public static String stringList(Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN list must not be empty");
    }
    return values.stream().map(SqlLiteral::string).collect(Collectors.joining(", ", "(", ")"));
  }

  /** An {@code Array(String)} literal: {@code ['a', 'b']} (empty: {@code []}). */
  public static String stringArray(Collection<String> values) {
    return values.stream().map(SqlLiteral::string).collect(Collectors.joining(", ", "[", "]"));
  }

  /** An integer literal. */
  public static String number(long value) {
    return Long.toString(value);
  }

  /** A finite floating-point literal. */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("SQL number must be finite, got " + value);
    }
    return Double.toString(value);
  }

  /** Nanoseconds since the epoch of {@code t} (the COMPAT layout's time representation). */
  public static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** The instant of {@code nanos} since the epoch. */
  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
