package io.kubetel.model.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Duration parsing and formatting (500ms, 30s, 1h30m, 7d) with clear errors. */
class DurationsTest {
  @Test
  void parsesEveryUnitAndCombinations() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1d2h3m4s5ms"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5));
    assertThat(Durations.parse(" 2m ")).isEqualTo(Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "1", "h", "1x", "-1s", "1.5h", "1 h", "1h-", "ms", "10000000000s"})
  void rejectsInvalidInputWithAClearMessage(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration")
        .hasMessageMatching("(?s).*(e\\.g\\.|expected).*");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsLargestUnitsFirstAndRoundTrips() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    for (String s : new String[] {"1d2h3m4s5ms", "45s", "2h", "1m1ms"}) {
      assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
    }
    assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
