package io.kubetel.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flag durations: Kubernetes-style (30s, 1h30m, 7d) and ISO-8601, with clear errors. */
class DurationConverterTest {
  @Test
  void parsesKubernetesStyleAndIsoDurations() {
    assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationConverter.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsGarbage() {
    for (String bad : new String[] {"", "15", "m", "1x", "1h 30m", "-5m", "PTx"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .isInstanceOf(CommandLine.TypeConversionException.class);
    }
  }
}
