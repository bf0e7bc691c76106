package io.kubetel.store.testing;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.ResolvedQuery;
import io.kubetel.store.query.BucketReducer.Observations;
import io.kubetel.store.query.BucketReducer.SeriesBucket;
import io.kubetel.store.testing.StoredSeries.RawPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One in-memory series cut into the per-step summaries the store's per-series query reads from
 * ClickHouse (first, last and total counter values; for histograms and summaries their sums and
 * what their type records: bucket counts and bounds, exponential buckets, min and max, the latest
 * quantiles), for the store's own {@code BucketReducer}.
 */
final class SeriesBuckets {
  private SeriesBuckets() {}

  static List<SeriesBucket> of(StoredSeries s, ResolvedQuery q, Map<String, String> labels) {
    TreeMap<Long, List<RawPoint>> buckets = new TreeMap<>();
    s.points.stream()
        .filter(p -> q.window().contains(p.time()))
        .sorted(Comparator.comparing(RawPoint::time))
        .forEach(
            p ->
                buckets
                    .computeIfAbsent(
                        Math.floorDiv(p.time().getEpochSecond(), q.stepSeconds()) * q.stepSeconds(),
                        k -> new ArrayList<>())
                    .add(p));
    MetricType type = s.identity.type();
    List<SeriesBucket> rows = new ArrayList<>();
    buckets.forEach(
        (bucket, ps) -> {
          RawPoint first = ps.get(0);
          RawPoint last = ps.get(ps.size() - 1);
          double[] values = ps.stream().mapToDouble(RawPoint::value).toArray();
          rows.add(
              new SeriesBucket(
                  labels,
                  s.identity.name(),
                  bucket,
                  s.temporality,
                  first.value(),
                  last.value(),
                  ps.stream().mapToDouble(RawPoint::value).sum(),
                  values,
                  type.recordsObservations() ? observations(s, type, ps) : null));
        });
    return rows;
  }

  /** What the store's per-series SQL reads of a histogram's or summary's points in one bucket. */
  private static Observations observations(StoredSeries s, MetricType type, List<RawPoint> ps) {
    RawPoint first = ps.get(0);
    RawPoint last = ps.get(ps.size() - 1);
    boolean explicit = type == MetricType.HISTOGRAM;
    boolean histogram = type != MetricType.SUMMARY;
    return new Observations(
        first.sum(),
        last.sum(),
        ps.stream().mapToDouble(RawPoint::sum).sum(),
        explicit ? first.buckets() : null,
        explicit ? last.buckets() : null,
        explicit ? total(ps) : null,
        explicit ? s.bounds : null,
        type == MetricType.EXPONENTIAL_HISTOGRAM
            ? ps.stream().map(RawPoint::exponential).toList()
            : List.of(),
        last.quantiles(),
        histogram ? ps.stream().mapToDouble(RawPoint::min).min().orElse(Double.NaN) : Double.NaN,
        histogram ? ps.stream().mapToDouble(RawPoint::max).max().orElse(Double.NaN) : Double.NaN);
  }

  // sumForEach(BucketCounts): element-wise sums, over the points whose layout matches the first.
  private static double[] total(List<RawPoint> ps) {
    double[] first = ps.get(0).buckets();
    if (first == null) {
      return null;
    }
    double[] sum = new double[first.length];
    for (RawPoint p : ps) {
      if (p.buckets() != null && p.buckets().length == sum.length) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += p.buckets()[i];
        }
      }
    }
    return sum;
  }
}
