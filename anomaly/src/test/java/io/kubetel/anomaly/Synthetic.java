package io.kubetel.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic series with known anomalies for the detector tests: five-minute points, Gaussian noise
 * from a fixed seed, an optional daily season, and spikes, level shifts or seasonal breaks placed
 * at known indexes.
 */
public final class Synthetic {
  public static final long STEP_MILLIS = 300_000L;
  public static final long START_MILLIS = 1_700_006_400_000L; // a midnight, UTC
  public static final int POINTS_PER_DAY = 288;

  private final double[] values;

  private Synthetic(double[] values) {
    this.values = values;
  }

  /** {@code n} points of level {@code level} plus noise of standard deviation {@code sigma}. */
  public static Synthetic noise(int n, double level, double sigma, long seed) {
    Random random = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = level + sigma * random.nextGaussian();
    }
    return new Synthetic(v);
  }

  /** Adds a daily sine of the given amplitude (peak mid-day). */
  public Synthetic daily(double amplitude) {
    for (int i = 0; i < values.length; i++) {
      values[i] += amplitude * Math.sin(2 * Math.PI * i / POINTS_PER_DAY);
    }
    return this;
  }

  /** Adds {@code height} to the single point at {@code index}. */
  public Synthetic spike(int index, double height) {
    values[index] += height;
    return this;
  }

  /** Adds {@code delta} to every point from {@code index} on. */
  public Synthetic shift(int index, double delta) {
    for (int i = index; i < values.length; i++) {
      values[i] += delta;
    }
    return this;
  }

  /** Removes the daily season for {@code length} points from {@code index} (a flat stretch). */
  public Synthetic breakSeason(int index, int length, double amplitude) {
    for (int i = index; i < index + length; i++) {
      values[i] -= amplitude * Math.sin(2 * Math.PI * i / POINTS_PER_DAY);
    }
    return this;
  }

  public int size() {
    return values.length;
  }

  public static long timeOf(int index) {
    return START_MILLIS + index * STEP_MILLIS;
  }

  /** Runs the series through a detector and returns the indexes it flagged. */
  public List<Integer> flags(AnomalyDetector detector) {
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (detector.update(timeOf(i), values[i]).anomalous()) {
        flagged.add(i);
      }
    }
    return flagged;
  }

  /** Runs points {@code from} (inclusive) to {@code to} (exclusive) and returns their verdicts. */
  public List<Verdict> run(AnomalyDetector detector, int from, int to) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      verdicts.add(detector.update(timeOf(i), values[i]));
    }
    return verdicts;
  }
}
