package io.kubetel.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.layout.SchemaLayout;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hour-key conditions that let 18.16 prune a window on the COMPAT tables' sort keys: they cover
 * every hour the window touches (end exclusive) and nothing on MODERN, whose servers prune from the
 * time condition itself.
 */
class TimeKeyBoundsTest {
  private static final long HOUR = 3_600_000_000_000L;

  @Test
  void compatBoundsCoverTheHoursOfTheWindowWithTheEndExclusive() {
    Dialect compat = Dialect.of(SchemaLayout.COMPAT);
    Instant start = Instant.parse("2026-11-25T10:59:59Z");
    Instant end = Instant.parse("2026-11-25T12:00:00Z");
    long first = SqlLiteral.nanos(start) / HOUR;

    assertThat(compat.timeKeyBounds("TimeUnix", start, end))
        .containsExactly(
            "intDiv(TimeUnix, 3600000000000) >= " + first,
            "intDiv(TimeUnix, 3600000000000) <= " + (first + 1));
  }

  @Test
  void aWindowInsideOneHourReadsThatHourOnly() {
    Instant start = Instant.parse("2026-11-25T10:00:00Z");
    long hour = SqlLiteral.nanos(start) / HOUR;

    assertThat(
            Dialect.of(SchemaLayout.COMPAT).timeKeyBounds("Timestamp", start, start.plusNanos(1)))
        .containsExactly(
            "intDiv(Timestamp, 3600000000000) >= " + hour,
            "intDiv(Timestamp, 3600000000000) <= " + hour);
  }

  @Test
  void modernAddsNothing() {
    assertThat(
            Dialect.of(SchemaLayout.MODERN)
                .timeKeyBounds("TimeUnix", Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z")))
        .isEmpty();
  }
}
