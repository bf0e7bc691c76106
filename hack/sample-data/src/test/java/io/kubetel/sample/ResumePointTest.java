package io.kubetel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo restarts continue the sample data where it stopped instead of duplicating history. */
class ResumePointTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;

  @Test
  void roundTripsTheLastWrittenInstant() {
    ResumePoint point = new ResumePoint(dir.resolve("last"));
    assertThat(point.read()).isEmpty();

    point.write(NOW);

    assertThat(point.read()).contains(NOW);
    assertThat(new ResumePoint(dir.resolve("last")).read()).contains(NOW);
  }

  @Test
  void unreadableFileMeansNoResumePoint() throws Exception {
    Files.writeString(dir.resolve("last"), "not a time");
    assertThat(new ResumePoint(dir.resolve("last")).read()).isEmpty();
  }

  @Test
  void historyStartsAfterWhatIsAlreadyWritten() {
    Instant tenMinutesAgo = NOW.minus(Duration.ofMinutes(10));
    assertThat(ResumePoint.historyStart(NOW, HOUR, Optional.empty())).isEqualTo(NOW.minus(HOUR));
    assertThat(ResumePoint.historyStart(NOW, HOUR, Optional.of(tenMinutesAgo)))
        .isEqualTo(tenMinutesAgo);
    // Older than the history: the history window wins; from the future: nothing to load.
    assertThat(ResumePoint.historyStart(NOW, HOUR, Optional.of(NOW.minus(Duration.ofDays(2)))))
        .isEqualTo(NOW.minus(HOUR));
    assertThat(ResumePoint.historyStart(NOW, HOUR, Optional.of(NOW.plusSeconds(30))))
        .isEqualTo(NOW);
  }
}
