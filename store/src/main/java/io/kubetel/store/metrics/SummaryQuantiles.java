package io.kubetel.store.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.Rows;

/**
 * The quantiles one summary point recorded ({@code ValueAtQuantiles}): levels in [0, 1] and their
 * values, parallel. A summary's quantiles are computed by its source over observations kubetel
 * never sees, so they are read as recorded, never interpolated or merged into new ones.
 */
public record SummaryQuantiles(double[] levels, double[] values) {
  /** A point that recorded no quantile. */
  public static final SummaryQuantiles NONE = new SummaryQuantiles(new double[0], new double[0]);

  // Levels are written as decimal fractions (0.99); a float rounding apart is the same level.
  private static final double SAME_LEVEL = 1e-9;

  public SummaryQuantiles {
    if (levels.length != values.length) {
      throw new IllegalArgumentException(
          levels.length + " quantile levels for " + values.length + " values");
    }
    levels = levels.clone();
    values = values.clone();
  }

  /** The value recorded for {@code level}, or NaN when the point did not record it. */
  public double at(double level) {
    for (int i = 0; i < levels.length; i++) {
      if (Math.abs(levels[i] - level) <= SAME_LEVEL) {
        return values[i];
      }
    }
    return Double.NaN;
  }

  /** A level as users write it: {@code 0}, {@code 0.5}, {@code 0.99}, {@code 1}. */
  public static String format(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }

  /** One point's quantiles from parallel JSON arrays (null arrays: none). */
  public static SummaryQuantiles of(JsonNode levels, JsonNode values) {
    return new SummaryQuantiles(Rows.doubles(levels), Rows.doubles(values));
  }

  /** Each point's quantiles from parallel JSON arrays of arrays, one element per point. */
  public static SummaryQuantiles[] read(JsonNode levels, JsonNode values) {
    SummaryQuantiles[] out = new SummaryQuantiles[levels == null ? 0 : levels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = of(levels.get(i), values.get(i));
    }
    return out;
  }
}
