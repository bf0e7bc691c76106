package io.kubetel.store.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.Rows;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of one exponential histogram point, or of several merged, in OTel's layout: at scale
 * {@code s} the bucket with index {@code i} holds values in {@code (base^i, base^(i+1)]} with
 * {@code base = 2^(2^-s)}; the positive counts start at index {@code positiveOffset}; negative
 * values are counted the same way by their absolute value; the zero bucket counts zeros. Points of
 * different scales are merged at the coarser one: lowering the scale by one joins each pair of
 * buckets (index {@code i} becomes {@code i >> 1}), which loses nothing that the coarser point had.
 * Counts are doubles so that cumulative points can be subtracted (an increase over the window).
 */
public final class ExponentialBuckets {
  /** No observations; merges with anything without changing its scale. */
  public static final ExponentialBuckets EMPTY =
      new ExponentialBuckets(0, 0, 0, new double[0], 0, new double[0]);

  private final int scale;
  private final double zeroCount;
  private final Range positive;
  private final Range negative;

  /** Counts of consecutive bucket indexes starting at {@code offset}. */
  private record Range(int offset, double[] counts) {
    static final Range NONE = new Range(0, new double[0]);

    boolean isEmpty() {
      return counts.length == 0;
    }

    /** The same counts at a scale {@code by} lower: index {@code i} goes to {@code i >> by}. */
    Range downscale(int by) {
      if (by == 0 || isEmpty()) {
        return this;
      }
      // Shifting an int by 32 or more would wrap; past 31 every index is 0 or -1 anyway.
      int shift = Math.min(by, 31);
      int first = offset >> shift;
      int last = (int) (((long) offset + counts.length - 1) >> shift);
      double[] out = new double[last - first + 1];
      for (int i = 0; i < counts.length; i++) {
        out[(int) (((long) offset + i) >> shift) - first] += counts[i];
      }
      return new Range(first, out);
    }

    /** {@code this + sign * other}, index by index. */
    Range plus(Range other, int sign) {
      if (other.isEmpty()) {
        return this;
      }
      long first = isEmpty() ? other.offset : Math.min(offset, other.offset);
      long end =
          isEmpty()
              ? (long) other.offset + other.counts.length
              : Math.max((long) offset + counts.length, (long) other.offset + other.counts.length);
      double[] out = new double[(int) (end - first)];
      for (int i = 0; i < counts.length; i++) {
        out[(int) (offset + i - first)] += counts[i];
      }
      for (int i = 0; i < other.counts.length; i++) {
        out[(int) (other.offset + i - first)] += sign * other.counts[i];
      }
      return new Range((int) first, out);
    }
  }

  /**
   * One point's buckets.
   *
   * @param positive counts of the positive buckets with indexes {@code positiveOffset,
   *     positiveOffset + 1, ...}
   * @param negative counts of the negative buckets (by absolute value), likewise from {@code
   *     negativeOffset}
   */
  public ExponentialBuckets(
      int scale,
      double zeroCount,
      int positiveOffset,
      double[] positive,
      int negativeOffset,
      double[] negative) {
    this(
        scale,
        zeroCount,
        new Range(positiveOffset, positive.clone()),
        new Range(negativeOffset, negative.clone()));
  }

  private ExponentialBuckets(int scale, double zeroCount, Range positive, Range negative) {
    this.scale = scale;
    this.zeroCount = zeroCount;
    this.positive = positive;
    this.negative = negative;
  }

  public int scale() {
    return scale;
  }

  public double zeroCount() {
    return zeroCount;
  }

  /** Whether no bucket holds a count. */
  public boolean isEmpty() {
    return zeroCount == 0 && positive.isEmpty() && negative.isEmpty();
  }

  /** This point's buckets at {@code newScale}, which must not be finer than its own scale. */
  public ExponentialBuckets downscale(int newScale) {
    if (newScale > scale) {
      throw new IllegalArgumentException("cannot refine scale " + scale + " to " + newScale);
    }
    int by = scale - newScale;
    return new ExponentialBuckets(
        newScale, zeroCount, positive.downscale(by), negative.downscale(by));
  }

  /**
   * {@code this + sign * other} at the coarser of the two scales: {@code sign} 1 merges two points
   * (delta points), -1 takes an earlier cumulative point from a later one (the increase between).
   */
  public ExponentialBuckets plus(ExponentialBuckets other, int sign) {
    if (other.isEmpty()) {
      return this;
    }
    ExponentialBuckets self =
        isEmpty() ? new ExponentialBuckets(other.scale, 0, Range.NONE, Range.NONE) : this;
    int common = Math.min(self.scale, other.scale);
    ExponentialBuckets a = self.downscale(common);
    ExponentialBuckets b = other.downscale(common);
    return new ExponentialBuckets(
        common,
        a.zeroCount + sign * b.zeroCount,
        a.positive.plus(b.positive, sign),
        a.negative.plus(b.negative, sign));
  }

  /**
   * Every bucket with a positive count, lowest values first, as {@code {lower, upper, count}}:
   * negative buckets from the most negative, the zero bucket as {@code {0, 0, count}}, then the
   * positive buckets. Boundaries beyond the double range are infinite.
   */
  public List<double[]> ascending() {
    List<double[]> out = new ArrayList<>();
    for (int i = negative.counts.length - 1; i >= 0; i--) {
      int index = negative.offset + i;
      add(out, -boundary(index + 1L, scale), -boundary(index, scale), negative.counts[i]);
    }
    add(out, 0, 0, zeroCount);
    for (int i = 0; i < positive.counts.length; i++) {
      int index = positive.offset + i;
      add(out, boundary(index, scale), boundary(index + 1L, scale), positive.counts[i]);
    }
    return out;
  }

  private static void add(List<double[]> out, double lower, double upper, double count) {
    if (count > 0) {
      out.add(new double[] {lower, upper, count});
    }
  }

  /** The lower boundary of bucket {@code index} at {@code scale}: {@code 2^(index * 2^-scale)}. */
  public static double boundary(long index, int scale) {
    return Math.pow(2, Math.scalb((double) index, -scale));
  }

  /**
   * The points of a result row, one per element of its parallel arrays {@code <prefix>scales},
   * {@code zero_counts}, {@code pos_offsets}, {@code pos_counts}, {@code neg_offsets} and {@code
   * neg_counts} (how {@code MetricSql} and {@code QuerySql} name them).
   */
  public static ExponentialBuckets[] read(JsonNode row, String prefix) {
    long[] scales = Rows.longs(row.get(prefix + "scales"));
    double[] zeros = Rows.doubles(row.get(prefix + "zero_counts"));
    long[] posOffsets = Rows.longs(row.get(prefix + "pos_offsets"));
    JsonNode posCounts = row.get(prefix + "pos_counts");
    long[] negOffsets = Rows.longs(row.get(prefix + "neg_offsets"));
    JsonNode negCounts = row.get(prefix + "neg_counts");
    ExponentialBuckets[] out = new ExponentialBuckets[scales.length];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          new ExponentialBuckets(
              (int) scales[i],
              zeros[i],
              (int) posOffsets[i],
              Rows.doubles(posCounts.get(i)),
              (int) negOffsets[i],
              Rows.doubles(negCounts.get(i)));
    }
    return out;
  }
}
