package io.kubetel.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SQL literal escaping: no input can end a string literal early. */
class SqlLiteralTest {

  /**
   * Lexes one ClickHouse single-quoted string literal at the start of {@code sql} the way the
   * server does (backslash escapes the next character, {@code ''} is a quote) and returns the
   * decoded value and where the literal ends.
   */
  static Object[] lex(String sql) {
    if (sql.charAt(0) != '\'') {
      throw new AssertionError("not a literal: " + sql);
    }
    StringBuilder value = new StringBuilder();
    int i = 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        value.append(sql.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
        } else {
          return new Object[] {value.toString(), i + 1};
        }
      } else {
        value.append(c);
        i++;
      }
    }
    throw new AssertionError("unterminated literal: " + sql);
  }

  @Test
  void escapesBackslashFirstThenQuote() {
    assertThat(SqlLiteral.string("a'b")).isEqualTo("'a\\'b'");
    assertThat(SqlLiteral.string("a\\b")).isEqualTo("'a\\\\b'");
    // The case SQLUtils.enquoteLiteral gets wrong: \' must not end the literal.
    assertThat(SqlLiteral.string("\\'")).isEqualTo("'\\\\\\''");
    assertThat(SqlLiteral.string("' OR 1=1 --")).isEqualTo("'\\' OR 1=1 --'");
    assertThat(SqlLiteral.stringList(List.of("a", "b'"))).isEqualTo("('a', 'b\\'')");
    assertThat(SqlLiteral.stringArray(List.of("a", "b'"))).isEqualTo("['a', 'b\\'']");
    assertThat(SqlLiteral.stringArray(List.of())).isEqualTo("[]");
    assertThatThrownBy(() -> SqlLiteral.string(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiteral.stringList(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAndTimes() {
    assertThat(SqlLiteral.number(42)).isEqualTo("42");
    assertThat(SqlLiteral.number(1.5)).isEqualTo("1.5");
    assertThatThrownBy(() -> SqlLiteral.number(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    Instant t = Instant.parse("2026-11-25T10:00:00.123456789Z");
    assertThat(SqlLiteral.nanos(t)).isEqualTo(1_795_600_800_123_456_789L);
    assertThat(SqlLiteral.instant(SqlLiteral.nanos(t))).isEqualTo(t);
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings()
            .withChars('\'', '\\', '"', '\n', '\r', ';', '-', '`', ' ', 'x', '\t', '✓', '\u0000')
            .ofMaxLength(40),
        Arbitraries.of("'; DROP TABLE otel_logs; --", "\\'", "' OR 1=1 --", "\\\\'", "'''", "\\"));
  }

  @Property(tries = 2000)
  void everyStringBecomesExactlyOneLiteral(@ForAll("hostile") String value) {
    String sql = SqlLiteral.string(value);
    Object[] lexed = lex(sql + " AND 1");
    assertThat(lexed[0]).isEqualTo(value);
    assertThat(lexed[1]).isEqualTo(sql.length());
  }
}
