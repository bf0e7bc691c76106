package io.kubetel.alerting.state;

import io.kubetel.model.alerts.AlertSeriesState;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-series state machine: Inactive → Pending (holds, {@code for} not yet elapsed) → Firing →
 * Inactive once it has not held for {@code keepFiringFor}. Pure: the same inputs give the same
 * step, which is what makes restarts and tests deterministic.
 */
public final class SeriesStateMachine {
  private SeriesStateMachine() {}

  /** The state after one evaluation; {@code holds} false also for a series without data. */
  public static SeriesState step(
      SeriesState prev,
      boolean holds,
      double value,
      Instant now,
      Duration forDuration,
      Duration keepFiringFor) {
    double shown = Double.isNaN(value) ? prev.value() : value;
    return switch (prev.state()) {
      case Inactive -> {
        if (!holds) {
          yield new SeriesState(prev.labels(), AlertSeriesState.Inactive, null, null, null, shown);
        }
        yield forDuration.isZero()
            ? new SeriesState(prev.labels(), AlertSeriesState.Firing, now, now, now, value)
            : new SeriesState(prev.labels(), AlertSeriesState.Pending, now, null, now, value);
      }
      case Pending -> {
        if (!holds) {
          yield new SeriesState(prev.labels(), AlertSeriesState.Inactive, null, null, null, shown);
        }
        boolean due = !now.isBefore(prev.activeSince().plus(forDuration));
        yield due
            ? new SeriesState(
                prev.labels(), AlertSeriesState.Firing, prev.activeSince(), now, now, value)
            : new SeriesState(
                prev.labels(), AlertSeriesState.Pending, prev.activeSince(), null, now, value);
      }
      case Firing -> {
        if (holds) {
          yield new SeriesState(
              prev.labels(),
              AlertSeriesState.Firing,
              prev.activeSince(),
              prev.firingSince(),
              now,
              value);
        }
        Instant held = prev.lastHeldAt() == null ? now : prev.lastHeldAt();
        boolean resolved = !now.isBefore(held.plus(keepFiringFor));
        yield resolved
            ? new SeriesState(prev.labels(), AlertSeriesState.Inactive, null, null, null, shown)
            : new SeriesState(
                prev.labels(),
                AlertSeriesState.Firing,
                prev.activeSince(),
                prev.firingSince(),
                held,
                shown);
      }
    };
  }
}
