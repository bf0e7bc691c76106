package io.kubetel.crds.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as written in the CRDs. */
class KubetelDurationTest {

  @Test
  void parsesSingleAndCompoundDurations() {
    assertThat(KubetelDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(KubetelDuration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(KubetelDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(KubetelDuration.parse("7d")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void rejectsAnythingElseWithAHelpfulMessage() {
    for (String bad : new String[] {"5", "5 m", "-5m", "1w", "m5"}) {
      assertThatThrownBy(() -> KubetelDuration.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad)
          .hasMessageContaining("expected numbers with units");
    }
    for (String empty : new String[] {"", null}) {
      assertThatThrownBy(() -> KubetelDuration.parse(empty))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duration is empty");
    }
  }
}
