package io.kubetel.apiserver.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window resolution and duration parsing. */
class TimeWindowsTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "-|-|-|2026-11-25T11:45:00Z|2026-11-25T12:00:00Z",
        "-|-|1h|2026-11-25T11:00:00Z|2026-11-25T12:00:00Z",
        "-|-|1h30m|2026-11-25T10:30:00Z|2026-11-25T12:00:00Z",
        "-|-|7d|2026-11-18T12:00:00Z|2026-11-25T12:00:00Z",
        "-|-|1w|2026-11-18T12:00:00Z|2026-11-25T12:00:00Z",
        "2026-11-25T10:00:00Z|-|-|2026-11-25T10:00:00Z|2026-11-25T12:00:00Z",
        "2026-11-25T10:00:00Z|-|30m|2026-11-25T10:00:00Z|2026-11-25T10:30:00Z",
        "-|2026-11-25T10:00:00Z|-|2026-11-25T09:45:00Z|2026-11-25T10:00:00Z",
        "-|2026-11-25T10:00:00+01:00|10s|2026-11-25T08:59:50Z|2026-11-25T09:00:00Z",
        "2026-11-25T10:00:00Z|2026-11-25T11:00:00Z|-|2026-11-25T10:00:00Z|2026-11-25T11:00:00Z",
        "-|2026-11-25T12:04:00Z|-|2026-11-25T11:49:00Z|2026-11-25T12:04:00Z",
      })
  void resolves(String start, String end, String window, String expStart, String expEnd) {
    TimeWindow w = TimeWindows.resolve(start, end, window, NOW, WindowPolicy.DEFAULT);
    assertThat(w.start()).isEqualTo(Instant.parse(expStart));
    assertThat(w.end()).isEqualTo(Instant.parse(expEnd));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "-|-|-5m|must not be negative",
        "-|-|0s|longer than zero",
        "-|-|8d|longer than the maximum of 7d",
        "-|-|5 minutes|not a duration",
        "-|-|PT2H|ISO-8601 durations are not accepted, write 2h instead",
        "-|-|2H|units are lower-case, write 2h instead",
        "-|-|99999999999h|not a duration",
        "yesterday|-|-|not an RFC 3339 time",
        "2026-11-25T11:00:00Z|2026-11-25T11:00:00Z|-|must be before",
        "2026-11-25T13:00:00Z|-|-|is not in the past",
        "-|2026-11-25T13:00:00Z|-|in the future",
        "2026-11-25T10:00:00Z|2026-11-25T11:00:00Z|1h|at most two",
        "2026-11-10T10:00:00Z|2026-11-25T11:00:00Z|-|longer than the maximum",
      })
  void rejectsAbsurdWindows(String start, String end, String window, String message) {
    assertThatThrownBy(() -> TimeWindows.resolve(start, end, window, NOW, WindowPolicy.DEFAULT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void formatsDurations() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(Durations.parsePositive("500ms", "w")).isEqualTo(Duration.ofMillis(500));
  }
}
