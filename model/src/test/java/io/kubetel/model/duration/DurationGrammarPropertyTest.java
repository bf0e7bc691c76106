package io.kubetel.model.duration;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.problem.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The CRD schemas state the grammar as {@link Durations#PATTERN} plus {@link Durations#MAX_LENGTH},
 * and refuse zero with {@link Durations#CEL_NOT_ZERO}; these properties prove that they accept
 * exactly what the parser accepts. Kubernetes evaluates both regular expressions with RE2, where
 * {@code ^...$} must match the whole text: {@link java.util.regex.Matcher#matches()} is the same.
 */
class DurationGrammarPropertyTest {
  private static final Pattern SCHEMA = Pattern.compile(Durations.PATTERN);
  private static final Pattern ZERO = Pattern.compile(Durations.ZERO_PATTERN);

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings()
        .withChars("0123456789msdhwMSDHWPTpty -.+,\n\t")
        .withCharRange('\u0000', '\u007f')
        .ofMaxLength(80);
  }

  /** Sequences of number+unit parts, with numbers and units that are sometimes wrong. */
  @Provide
  Arbitrary<String> durationLike() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9),
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12),
            Arbitraries.of("0", "00", "000000000", "999999999", "1"));
    Arbitrary<String> unit =
        Arbitraries.oneOf(
            Arbitraries.of("ms", "s", "m", "h", "d", "w"),
            Arbitraries.of("", "M", "H", "y", "us", "ns", "sm", " s", "mss"));
    Arbitrary<String> part = Combinators.combine(number, unit).as((n, u) -> n + u);
    return part.list().ofMinSize(1).ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void schemaPatternAcceptsExactlyTheGrammar(@ForAll("anyText") String text) {
    assertSameVerdict(text);
  }

  @Property(tries = 3000)
  void schemaPatternAcceptsExactlyTheGrammarOnDurationLikeText(
      @ForAll("durationLike") String text) {
    assertSameVerdict(text);
  }

  @Property(tries = 2000)
  void celNotZeroRefusesExactlyTheZeroDurations(@ForAll("durationLike") String text) {
    boolean schemaAccepts = acceptedBySchema(text) && !ZERO.matcher(text).matches();
    boolean parserAccepts;
    try {
      parserAccepts = Durations.parsePositive(text, "field").compareTo(Duration.ZERO) > 0;
    } catch (InvalidInputException e) {
      parserAccepts = false;
    }
    assertThat(schemaAccepts).as("schema+CEL vs parser on \"%s\"", text).isEqualTo(parserAccepts);
  }

  private static void assertSameVerdict(String text) {
    assertThat(acceptedBySchema(text))
        .as("schema vs parser on \"%s\"", text)
        .isEqualTo(Durations.isValid(text));
  }

  private static boolean acceptedBySchema(String text) {
    return text.length() <= Durations.MAX_LENGTH && SCHEMA.matcher(text).matches();
  }
}
