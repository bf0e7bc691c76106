package io.kubetel.store.testing;

import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.store.metrics.ExponentialBuckets;
import io.kubetel.store.metrics.SeriesData;
import io.kubetel.store.metrics.SeriesNames;
import io.kubetel.store.metrics.SummaryQuantiles;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.testing.StoredSeries.RawPoint;
import io.kubetel.store.write.TelemetryBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the metric points of a {@link TelemetryBatch} into series the way the store does: one
 * series per type, namespace, metric name, service, pod and attributes, named by {@link
 * SeriesNames}; unit, description and resource come from the series' first point.
 */
final class SeriesFromBatch {
  private final Map<String, StoredSeries> series = new LinkedHashMap<>();

  private SeriesFromBatch() {}

  /**
   * The series of the batch's metric points of every type, leaving out points flagged "no recorded
   * value" as the store's SQL does (a series with only such points is no series).
   */
  static List<StoredSeries> of(TelemetryBatch batch) {
    SeriesFromBatch b = new SeriesFromBatch();
    for (TelemetryBatch.Gauge g : batch.gauges) {
      if (!TelemetryBatch.noRecordedValue(g.flags())) {
        b.series(g, MetricType.GAUGE, false, 0, null)
            .points
            .add(RawPoint.value(g.time(), g.value()));
      }
    }
    for (TelemetryBatch.Sum s : batch.sums) {
      if (!TelemetryBatch.noRecordedValue(s.flags())) {
        b.series(s, MetricType.SUM, s.monotonic(), s.temporality(), null)
            .points
            .add(RawPoint.value(s.time(), s.value()));
      }
    }
    for (TelemetryBatch.Histogram h : batch.histograms) {
      if (TelemetryBatch.noRecordedValue(h.flags())) {
        continue;
      }
      double[] bounds = h.bounds().stream().mapToDouble(Double::doubleValue).toArray();
      double[] buckets = doubles(h.bucketCounts());
      b.series(h, MetricType.HISTOGRAM, false, h.temporality(), bounds)
          .points
          .add(
              new RawPoint(
                  h.time(),
                  h.count(),
                  h.sum(),
                  buckets,
                  null,
                  SummaryQuantiles.NONE,
                  h.min(),
                  h.max()));
    }
    for (TelemetryBatch.ExponentialHistogram h : batch.exponentialHistograms) {
      if (TelemetryBatch.noRecordedValue(h.flags())) {
        continue;
      }
      TelemetryBatch.ExpBuckets e = h.buckets();
      ExponentialBuckets buckets =
          new ExponentialBuckets(
              e.scale(),
              e.zeroCount(),
              e.positiveOffset(),
              doubles(e.positive()),
              e.negativeOffset(),
              doubles(e.negative()));
      b.series(h, MetricType.EXPONENTIAL_HISTOGRAM, false, h.temporality(), null)
          .points
          .add(
              new RawPoint(
                  h.time(),
                  h.count(),
                  h.sum(),
                  null,
                  buckets,
                  SummaryQuantiles.NONE,
                  h.min(),
                  h.max()));
    }
    for (TelemetryBatch.Summary s : batch.summaries) {
      if (TelemetryBatch.noRecordedValue(s.flags())) {
        continue;
      }
      SummaryQuantiles quantiles =
          new SummaryQuantiles(
              s.quantiles().stream()
                  .mapToDouble(TelemetryBatch.ValueAtQuantile::quantile)
                  .toArray(),
              s.quantiles().stream().mapToDouble(TelemetryBatch.ValueAtQuantile::value).toArray());
      b.series(s, MetricType.SUMMARY, false, SeriesData.CUMULATIVE, null)
          .points
          .add(
              new RawPoint(
                  s.time(), s.count(), s.sum(), null, null, quantiles, Double.NaN, Double.NaN));
    }
    return List.copyOf(b.series.values());
  }

  private static double[] doubles(List<Long> counts) {
    return counts.stream().mapToDouble(Long::doubleValue).toArray();
  }

  /**
   * The series of {@code p}'s identity: the first point's unit, description, resource, monotonic
   * flag, temporality and bounds make it; later points join it.
   */
  private StoredSeries series(
      TelemetryBatch.MetricPoint p,
      MetricType type,
      boolean monotonic,
      int temporality,
      double[] bounds) {
    String ns = p.resource().getOrDefault(FieldSql.NAMESPACE_ATTR, "");
    String pod = p.resource().getOrDefault(FieldSql.POD_ATTR, "");
    String fp =
        Fingerprints.of(
            SeriesNames.FINGERPRINT_LENGTH,
            ns,
            p.metric(),
            p.service(),
            pod,
            Fingerprints.canonical(p.attributes()));
    return series.computeIfAbsent(
        type + "\u001f" + fp,
        k ->
            new StoredSeries(
                new MetricSeries(
                    SeriesNames.name(p.metric(), fp),
                    ns,
                    p.metric(),
                    type,
                    p.unit(),
                    p.description(),
                    p.service(),
                    pod,
                    type == MetricType.SUM && monotonic,
                    p.attributes(),
                    p.resource(),
                    null,
                    List.of()),
                temporality,
                bounds));
  }
}
