package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flag durations: the one kubetel grammar (30s, 1h30m, 7d, 2w), with clear errors. */
class DurationConverterTest {
  @Test
  void parsesTheKubetelGrammar() {
    assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationConverter.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationConverter.parse("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("0s")).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejectsGarbage() {
    for (String bad : new String[] {"", "15", "m", "1x", "1h 30m", "PTx", "15M"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .isInstanceOf(CommandLine.TypeConversionException.class)
          .hasMessageContaining("e.g. 500ms, 30s");
    }
    assertThatThrownBy(() -> DurationConverter.parse("-5m"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("value \"-5m\" must not be negative");
  }

  @Test
  void isoDurationsAreRefusedWithTheSpellingToUseInstead() {
    assertThatThrownBy(() -> DurationConverter.parse("PT2S"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("ISO-8601 durations are not accepted, write 2s instead");
  }
}
