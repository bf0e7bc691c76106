package io.kubetel.store.query;

import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.metrics.Counters;
import io.kubetel.store.metrics.HistogramQuantiles;
import io.kubetel.store.metrics.SeriesData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reduces per-(series, bucket) counter summaries to one value per (group, bucket): the increase of
 * each series in each bucket (delta points summed; cumulative points as the change from the
 * previous bucket's last value, a drop counting as a reset), summed over the group's series.
 */
public final class BucketReducer {
  private BucketReducer() {}

  /** One series in one bucket. Histogram fields are null/NaN for sums. */
  public record SeriesBucket(
      Map<String, String> labels,
      String fingerprint,
      long bucket,
      int temporality,
      double first,
      double last,
      double total,
      double[] values,
      double firstSum,
      double lastSum,
      double totalSum,
      double[] firstBuckets,
      double[] lastBuckets,
      double[] totalBuckets,
      double[] bounds,
      double min,
      double max) {}

  private static final class Acc {
    double count;
    double sum;
    double[] buckets;
    double[] bounds;
    double min = Double.NaN;
    double max = Double.NaN;
  }

  /**
   * Reduces rows (in any order) to series of points.
   *
   * @param histogram whether rows are histogram rows
   */
  public static List<QueryResult.Series> reduce(
      List<SeriesBucket> rows, Aggregation aggregation, long stepSeconds, boolean histogram) {
    Map<Map<String, String>, Map<String, List<SeriesBucket>>> bySeries = new LinkedHashMap<>();
    for (SeriesBucket r : rows) {
      bySeries
          .computeIfAbsent(r.labels(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.fingerprint(), k -> new ArrayList<>())
          .add(r);
    }
    List<QueryResult.Series> out = new ArrayList<>();
    for (var group : bySeries.entrySet()) {
      TreeMap<Long, Acc> buckets = new TreeMap<>();
      for (List<SeriesBucket> series : group.getValue().values()) {
        series.sort((a, b) -> Long.compare(a.bucket(), b.bucket()));
        SeriesBucket prev = null;
        for (SeriesBucket b : series) {
          Acc acc = buckets.computeIfAbsent(b.bucket(), k -> new Acc());
          add(acc, prev, b, histogram);
          prev = b;
        }
      }
      List<QueryResult.Point> points = new ArrayList<>();
      for (var e : buckets.entrySet()) {
        Double v = value(e.getValue(), aggregation, stepSeconds, histogram);
        if (v != null && Double.isFinite(v)) {
          points.add(new QueryResult.Point(java.time.Instant.ofEpochSecond(e.getKey()), v));
        }
      }
      if (!points.isEmpty()) {
        out.add(new QueryResult.Series(group.getKey(), points));
      }
    }
    return out;
  }

  private static void add(Acc acc, SeriesBucket prev, SeriesBucket b, boolean histogram) {
    boolean delta = b.temporality() == SeriesData.DELTA;
    boolean reset;
    if (delta) {
      acc.count += b.total();
      acc.sum += b.totalSum();
      acc.buckets = merge(acc.buckets, b.totalBuckets(), null);
    } else if (prev == null) {
      reset = b.last() < b.first();
      acc.count += increase(b, Double.NaN);
      acc.sum += reset ? b.lastSum() : b.lastSum() - b.firstSum();
      acc.buckets = merge(acc.buckets, b.lastBuckets(), reset ? null : b.firstBuckets());
    } else {
      reset = b.last() < prev.last();
      acc.count += increase(b, prev.last());
      acc.sum += reset ? b.lastSum() : b.lastSum() - prev.lastSum();
      acc.buckets = merge(acc.buckets, b.lastBuckets(), reset ? null : prev.lastBuckets());
    }
    if (histogram) {
      if (b.bounds() != null) {
        acc.bounds = b.bounds();
      }
      acc.min = Double.isNaN(acc.min) ? b.min() : Math.min(acc.min, b.min());
      acc.max = Double.isNaN(acc.max) ? b.max() : Math.max(acc.max, b.max());
    }
  }

  /**
   * The counter's increase in a bucket: across its time-ordered values, plus the step from the
   * previous bucket's last value when there is one (NaN otherwise).
   */
  private static double increase(SeriesBucket b, double previousLast) {
    double[] v = b.values();
    if (v == null || v.length == 0) {
      double inc = Double.isNaN(previousLast) ? b.last() - b.first() : b.last() - previousLast;
      return inc >= 0 ? inc : b.last();
    }
    double inc = Counters.increase(v);
    if (!Double.isNaN(previousLast)) {
      inc += Counters.step(previousLast, v[0]);
    }
    return inc;
  }

  private static double[] merge(double[] into, double[] plus, double[] minus) {
    if (plus == null) {
      return into;
    }
    if (into == null) {
      into = new double[plus.length];
    }
    if (into.length != plus.length || (minus != null && minus.length != plus.length)) {
      return into;
    }
    for (int i = 0; i < plus.length; i++) {
      into[i] += plus[i] - (minus == null ? 0 : minus[i]);
    }
    return into;
  }

  private static Double value(Acc a, Aggregation agg, long step, boolean histogram) {
    if (!histogram) {
      return agg == Aggregation.RATE ? a.count / step : null;
    }
    return switch (agg) {
      case COUNT -> a.count;
      case RATE -> a.count / step;
      case SUM -> a.sum;
      case AVG -> a.count > 0 ? a.sum / a.count : null;
      case MIN -> Double.isNaN(a.min) ? null : a.min;
      case MAX -> Double.isNaN(a.max) ? null : a.max;
      case P50, P90, P95, P99 ->
          a.buckets == null || a.bounds == null
              ? null
              : HistogramQuantiles.estimate(agg.quantile(), a.bounds, a.buckets, a.min, a.max);
    };
  }
}
