package io.kubetel.model.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.problem.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration grammar: parsing, formatting and the errors users see. */
class DurationsTest {
  @Test
  void parsesEveryUnitAndCombinations() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2w3d")).isEqualTo(Duration.ofDays(17));
    assertThat(Durations.parse("1w1d2h3m4s5ms"))
        .isEqualTo(Duration.ofDays(8).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5));
    assertThat(Durations.parse("0s")).isZero();
    assertThat(Durations.parse("999999999w")).isEqualTo(Duration.ofDays(7L * 999_999_999L));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PT15M|ISO-8601 durations are not accepted, write 15m instead",
        "pt1h30m|ISO-8601 durations are not accepted, write 1h30m instead",
        "P1D|ISO-8601 durations are not accepted, write 1d instead",
        "P|ISO-8601 durations are not accepted;",
        "15M|units are lower-case, write 15m instead",
        "1H30M|units are lower-case, write 1h30m instead",
        "1h 30m|it must not contain spaces",
        "' 2m'|it must not contain spaces",
        "15|the number has no unit",
        "1.5h|unexpected characters",
        "1x|unexpected characters",
        "h|unexpected characters",
        "1h-|unexpected characters",
        "10000000000s|a number has more than 9 digits",
      })
  void explainsWhatIsWrongAndWhatToWrite(String text, String why) {
    assertThatThrownBy(() -> Durations.parse(text, "window"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("window \"" + text + "\" is not a duration: ")
        .hasMessageContaining(why)
        .hasMessageEndingWith(Durations.FORM);
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void refusesEmptyAndNull(String empty) {
    assertThatThrownBy(() -> Durations.parse(empty, "spec.step"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("spec.step is empty; " + Durations.FORM);
    assertThatThrownBy(() -> Durations.parse(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("value is empty");
    assertThatThrownBy(() -> Durations.parse("", "")).hasMessageStartingWith("duration is empty");
  }

  @Test
  void boundsTheInputAndQuotesItSafely() {
    String hostile = "1s".repeat(1000);
    assertThatThrownBy(() -> Durations.parse(hostile, "window"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("longer than 64 characters")
        .hasMessageContaining("\"" + "1s".repeat(32) + "...\"");
    assertThat(Durations.parse("1s".repeat(32))).isEqualTo(Duration.ofSeconds(32));
    assertThatThrownBy(() -> Durations.parse("1s\u001b[2J", "window"))
        .hasMessageStartingWith("window \"1s?[2J\" is not a duration");
  }

  @Test
  void negativeDurationsAreNamedAsSuch() {
    assertThatThrownBy(() -> Durations.parse("-5m", "window"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("window \"-5m\" must not be negative");
  }

  @Test
  void positiveRefusesZeroAndNamesTheValue() {
    assertThat(Durations.parsePositive("1ms", "window")).isEqualTo(Duration.ofMillis(1));
    assertThatThrownBy(() -> Durations.parsePositive("0h0m", "window"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("window \"0h0m\" must be longer than zero");
    assertThatThrownBy(() -> Durations.parsePositive("0s", ""))
        .hasMessage("\"0s\" must be longer than zero");
  }

  @Test
  void tellsValidFromInvalid() {
    assertThat(Durations.isValid("1h")).isTrue();
    assertThat(Durations.isValid("0s")).isTrue();
    assertThat(Durations.isValid("1y")).isFalse();
    assertThat(Durations.isValid(null)).isFalse();
  }

  @Test
  void formatsLargestUnitsFirstAndRoundTrips() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("14d");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofNanos(10))).isEqualTo("0s");
    for (String s : new String[] {"1d2h3m4s5ms", "45s", "2h", "1m1ms"}) {
      assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
    }
    assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
