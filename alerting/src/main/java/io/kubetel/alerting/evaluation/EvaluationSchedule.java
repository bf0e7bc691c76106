package io.kubetel.alerting.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * When a rule is due: every {@code interval}, at a fixed offset within the interval derived from
 * the rule's query shape, so a thousand rules with one interval spread evenly over it instead of
 * querying at the same instant, rules sharing a query are due together (and share one query run),
 * and a restarted process keeps the same slots.
 */
public final class EvaluationSchedule {
  private EvaluationSchedule() {}

  /** The rule's offset within its interval, in milliseconds. */
  public static long offsetMillis(String shape, Duration interval) {
    CRC32 crc = new CRC32();
    crc.update(shape.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % Math.max(1, interval.toMillis());
  }

  /** The first slot of the rule strictly after {@code after}. */
  public static Instant nextAfter(String shape, Duration interval, Instant after) {
    long period = Math.max(1, interval.toMillis());
    long offset = offsetMillis(shape, interval);
    long t = after.toEpochMilli();
    long slot = Math.floorDiv(t - offset, period) * period + offset;
    if (slot <= t) {
      slot += period;
    }
    return Instant.ofEpochMilli(slot);
  }
}
