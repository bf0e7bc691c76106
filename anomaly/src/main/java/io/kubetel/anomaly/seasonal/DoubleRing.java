package io.kubetel.anomaly.seasonal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A fixed-capacity ring of the most recent values with robust statistics (median, MAD). Small by
 * design: the seasonal baseline keeps a few hundred values per series.
 */
final class DoubleRing {
  private final double[] values;
  private int size;
  private int next;

  DoubleRing(int capacity) {
    values = new double[capacity];
  }

  void add(double value) {
    values[next] = value;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  /** Replaces the contents with the given values, oldest first (the last capacity of them). */
  void reset(double[] newest) {
    size = 0;
    next = 0;
    for (double v : newest) {
      add(v);
    }
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == values.length;
  }

  /** The values, oldest first. */
  double[] toArray() {
    double[] out = new double[size];
    int start = (next - size + values.length) % values.length;
    for (int i = 0; i < size; i++) {
      out[i] = values[(start + i) % values.length];
    }
    return out;
  }

  double median() {
    return size == 0 ? 0 : medianOf(Arrays.copyOf(values, size));
  }

  /** Median absolute deviation from {@code center}. */
  double mad(double center) {
    if (size == 0) {
      return 0;
    }
    double[] deviations = new double[size];
    for (int i = 0; i < size; i++) {
      deviations[i] = Math.abs(values[i] - center);
    }
    return medianOf(deviations);
  }

  /** The {@code rank}-th largest absolute value (1 = the largest), 0 when there are fewer. */
  double largestAbs(int rank) {
    if (rank > size || rank < 1) {
      return 0;
    }
    double[] abs = new double[size];
    for (int i = 0; i < size; i++) {
      abs[i] = Math.abs(values[i]);
    }
    Arrays.sort(abs);
    return abs[size - rank];
  }

  /** Mean absolute value: unlike the MAD, not zero when most values are equal. */
  double meanAbs() {
    // Summed oldest first, so a restored ring (stored oldest first) sums to the same bits.
    double sum = 0;
    int start = (next - size + values.length) % values.length;
    for (int i = 0; i < size; i++) {
      sum += Math.abs(values[(start + i) % values.length]);
    }
    return size == 0 ? 0 : sum / size;
  }

  private static double medianOf(double[] a) {
    Arrays.sort(a);
    int n = a.length;
    return (n & 1) == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  int capacity() {
    return values.length;
  }

  void writeTo(ByteBuffer out) {
    double[] ordered = toArray();
    out.putInt(ordered.length);
    for (double v : ordered) {
      out.putDouble(v);
    }
  }

  void readFrom(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > values.length) {
      throw new IllegalArgumentException("ring state larger than its capacity");
    }
    double[] ordered = new double[n];
    for (int i = 0; i < n; i++) {
      ordered[i] = in.getDouble();
    }
    reset(ordered);
  }

  int stateBytes() {
    return 4 + 8 * size;
  }
}
