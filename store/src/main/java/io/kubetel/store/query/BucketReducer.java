package io.kubetel.store.query;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.metrics.Counters;
import io.kubetel.store.metrics.ExponentialBuckets;
import io.kubetel.store.metrics.ExponentialHistogramQuantiles;
import io.kubetel.store.metrics.HistogramQuantiles;
import io.kubetel.store.metrics.SeriesData;
import io.kubetel.store.metrics.SummaryQuantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reduces per-(series, bucket) counter summaries to one value per (group, bucket): the increase of
 * each series in each bucket (delta points summed; cumulative points as the change from the
 * previous bucket's last value, a drop counting as a reset), summed over the group's series. The
 * observations of histograms (both kinds) and summaries reduce the same way; histogram buckets are
 * merged before quantiles are estimated. A summary's quantiles cannot be merged: a quantile
 * aggregation reads the level the summary recorded (min and max its 0 and 1 quantiles) at each
 * series' latest point in the bucket, and a group of several series gets the largest of them (the
 * smallest for min), a bound of the group's real quantile that is exact for one series.
 */
public final class BucketReducer {
  private BucketReducer() {}

  /**
   * One series in one bucket: its counter (sum values, or the observation count) and, for the types
   * that record observations, what else they recorded.
   *
   * @param observations null for sums
   */
  public record SeriesBucket(
      Map<String, String> labels,
      String fingerprint,
      long bucket,
      int temporality,
      double first,
      double last,
      double total,
      double[] values,
      Observations observations) {}

  /**
   * What the points of a histogram or summary series in one bucket recorded besides their count.
   *
   * @param firstBuckets explicit histograms: the first point's bucket counts (likewise {@code
   *     lastBuckets}; {@code totalBuckets} summed over the points), with the latest {@code bounds};
   *     null otherwise
   * @param exponential exponential histograms: every point's buckets, oldest first; empty otherwise
   * @param quantiles summaries: the latest point's quantiles; {@link SummaryQuantiles#NONE}
   *     otherwise
   * @param min histograms: the smallest Min of the points (NaN otherwise; likewise {@code max})
   */
  public record Observations(
      double firstSum,
      double lastSum,
      double totalSum,
      double[] firstBuckets,
      double[] lastBuckets,
      double[] totalBuckets,
      double[] bounds,
      List<ExponentialBuckets> exponential,
      SummaryQuantiles quantiles,
      double min,
      double max) {
    public Observations {
      exponential = List.copyOf(exponential);
    }
  }

  private static final class Acc {
    double count;
    double sum;
    double[] buckets;
    double[] bounds;
    ExponentialBuckets exponential = ExponentialBuckets.EMPTY;
    double quantile = Double.NaN;
    double min = Double.NaN;
    double max = Double.NaN;
  }

  /**
   * Reduces rows (in any order) of one metric of {@code type} to series of points.
   *
   * @throws InvalidQueryException when a quantile aggregation asks a summary for a quantile none of
   *     its series recorded
   */
  public static List<QueryResult.Series> reduce(
      List<SeriesBucket> rows,
      String metric,
      Aggregation aggregation,
      long stepSeconds,
      MetricType type) {
    double level = summaryLevel(type, aggregation);
    if (!Double.isNaN(level)) {
      requireRecorded(rows, metric, aggregation, level);
    }
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
          add(acc, prev, b, aggregation == Aggregation.MIN, level);
          prev = b;
        }
      }
      List<QueryResult.Point> points = new ArrayList<>();
      for (var e : buckets.entrySet()) {
        Double v = value(e.getValue(), aggregation, stepSeconds, type);
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

  /** The quantile level an aggregation reads from a summary, or NaN when it reads none. */
  private static double summaryLevel(MetricType type, Aggregation aggregation) {
    if (type != MetricType.SUMMARY) {
      return Double.NaN;
    }
    return switch (aggregation) {
      case MIN -> 0;
      case MAX -> 1;
      case P50, P90, P95, P99 -> aggregation.quantile();
      default -> Double.NaN;
    };
  }

  private static void requireRecorded(
      List<SeriesBucket> rows, String metric, Aggregation aggregation, double level) {
    if (rows.isEmpty()) {
      return;
    }
    TreeSet<Double> recorded = new TreeSet<>();
    for (SeriesBucket r : rows) {
      SummaryQuantiles q = r.observations().quantiles();
      if (!Double.isNaN(q.at(level))) {
        return;
      }
      for (double l : q.levels()) {
        recorded.add(l);
      }
    }
    List<String> answered = new ArrayList<>();
    for (Aggregation a : Aggregation.values()) {
      double l = summaryLevel(MetricType.SUMMARY, a);
      if (Double.isNaN(l) || recorded.stream().anyMatch(r -> Math.abs(r - l) <= 1e-9)) {
        answered.add(name(a));
      }
    }
    throw new InvalidQueryException(
        "aggregation "
            + name(aggregation)
            + " needs the "
            + SummaryQuantiles.format(level)
            + " quantile, which Summary metric "
            + metric
            + " does not record ("
            + (recorded.isEmpty()
                ? "it records none"
                : "it records "
                    + String.join(", ", recorded.stream().map(SummaryQuantiles::format).toList()))
            + "); a Summary's quantiles cannot be computed from one another: use "
            + String.join(", ", answered));
  }

  private static String name(Aggregation a) {
    return a.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static void add(
      Acc acc, SeriesBucket prev, SeriesBucket b, boolean lowest, double level) {
    boolean delta = b.temporality() == SeriesData.DELTA;
    // Which earlier counts this bucket's increase is measured from: none (delta points add up), the
    // bucket's own first point, or the previous bucket's last; a drop means the source restarted.
    boolean fromFirst = !delta && prev == null;
    boolean reset = !delta && (fromFirst ? b.last() < b.first() : b.last() < prev.last());
    if (delta) {
      acc.count += b.total();
    } else {
      acc.count += increase(b, fromFirst ? Double.NaN : prev.last());
    }
    Observations o = b.observations();
    if (o == null) {
      return;
    }
    Observations before = fromFirst || delta ? o : prev.observations();
    if (delta) {
      acc.sum += o.totalSum();
      acc.buckets = merge(acc.buckets, o.totalBuckets(), null);
      for (ExponentialBuckets e : o.exponential()) {
        acc.exponential = acc.exponential.plus(e, 1);
      }
    } else {
      double earlierSum = fromFirst ? o.firstSum() : before.lastSum();
      acc.sum += reset ? o.lastSum() : o.lastSum() - earlierSum;
      double[] earlierBuckets = fromFirst ? o.firstBuckets() : before.lastBuckets();
      acc.buckets = merge(acc.buckets, o.lastBuckets(), reset ? null : earlierBuckets);
      if (!o.exponential().isEmpty()) {
        ExponentialBuckets earlier = fromFirst ? first(o) : last(before);
        acc.exponential = acc.exponential.plus(last(o), 1);
        if (!reset) {
          acc.exponential = acc.exponential.plus(earlier, -1);
        }
      }
    }
    if (o.bounds() != null) {
      acc.bounds = o.bounds();
    }
    acc.min = fold(acc.min, o.min(), true);
    acc.max = fold(acc.max, o.max(), false);
    if (!Double.isNaN(level)) {
      acc.quantile = fold(acc.quantile, o.quantiles().at(level), lowest);
    }
  }

  private static ExponentialBuckets first(Observations o) {
    return o.exponential().isEmpty() ? ExponentialBuckets.EMPTY : o.exponential().get(0);
  }

  private static ExponentialBuckets last(Observations o) {
    List<ExponentialBuckets> e = o.exponential();
    return e.isEmpty() ? ExponentialBuckets.EMPTY : e.get(e.size() - 1);
  }

  /** The smaller ({@code lowest}) or larger of two values, ignoring NaN. */
  private static double fold(double acc, double v, boolean lowest) {
    if (Double.isNaN(v)) {
      return acc;
    }
    if (Double.isNaN(acc)) {
      return v;
    }
    return lowest ? Math.min(acc, v) : Math.max(acc, v);
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

  private static Double value(Acc a, Aggregation agg, long step, MetricType type) {
    if (!type.recordsObservations()) {
      return agg == Aggregation.RATE ? a.count / step : null;
    }
    boolean summary = type == MetricType.SUMMARY;
    return switch (agg) {
      case COUNT -> a.count;
      case RATE -> a.count / step;
      case SUM -> a.sum;
      case AVG -> a.count > 0 ? a.sum / a.count : null;
      case MIN -> orNull(summary ? a.quantile : a.min);
      case MAX -> orNull(summary ? a.quantile : a.max);
      case P50, P90, P95, P99 ->
          switch (type) {
            case HISTOGRAM ->
                a.buckets == null || a.bounds == null
                    ? null
                    : HistogramQuantiles.estimate(
                        agg.quantile(), a.bounds, a.buckets, a.min, a.max);
            case EXPONENTIAL_HISTOGRAM ->
                ExponentialHistogramQuantiles.estimate(agg.quantile(), a.exponential, a.min, a.max);
            default -> orNull(a.quantile);
          };
    };
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
