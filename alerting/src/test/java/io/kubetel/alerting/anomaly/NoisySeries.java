package io.kubetel.alerting.anomaly;

import io.kubetel.model.query.QueryResult.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic one-minute series for the Anomaly condition's tests: Gaussian noise around a level,
 * the same value for the same minute on every call (seeded by the minute), plus spikes the test
 * adds at chosen minutes.
 */
final class NoisySeries {
  static final long STEP_SECONDS = 60;

  private final double level;
  private final double sigma;
  private final long seed;
  private final Map<Long, Double> extra = new HashMap<>();

  NoisySeries(double level, double sigma, long seed) {
    this.level = level;
    this.sigma = sigma;
    this.seed = seed;
  }

  /** Adds {@code height} to the minute starting at {@code at}. */
  NoisySeries spike(Instant at, double height) {
    extra.merge(at.getEpochSecond() / STEP_SECONDS, height, Double::sum);
    return this;
  }

  double value(long minute) {
    double noise = new Random(seed * 1_000_003L + minute).nextGaussian() * sigma;
    return level + noise + extra.getOrDefault(minute, 0.0);
  }

  /**
   * The complete minutes in {@code [end - count min, end)} plus the partial one {@code end} is in.
   */
  List<Point> window(Instant end, int count) {
    long last = end.getEpochSecond() / STEP_SECONDS;
    List<Point> out = new ArrayList<>();
    for (long m = last - count; m <= last; m++) {
      out.add(new Point(Instant.ofEpochSecond(m * STEP_SECONDS), value(m)));
    }
    return out;
  }
}
