package io.kubetel.sample;

import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.ExpBuckets;
import io.kubetel.store.write.TelemetryBatch.ValueAtQuantile;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sample data's exponential histograms and summaries, and the occasional staleness marker: per
 * pod of the services that call another, a cumulative exponential histogram of outgoing call
 * latency ({@code rpc.client.duration}, scale 3); per pod of the Java services, a summary of GC
 * pauses ({@code jvm.gc.pause}, quantiles 0, 0.5, 0.9, 0.99 and 1 over the pod's recent pauses, as
 * client libraries compute them); now and then a point flagged "no recorded value" (a scrape target
 * that briefly went away), which readers must skip. Its own random stream, so adding it left the
 * other sample data of a seed unchanged.
 */
final class SampleObservations {
  /** The exponential histograms' scale: eight buckets per power of two. */
  static final int SCALE = 3;

  static final String CLIENT_DURATION = "rpc.client.duration";
  static final String GC_PAUSE = "jvm.gc.pause";

  private static final Map<String, String> CALLEES =
      Map.of("frontend", "catalog", "cart", "catalog", "checkout", "payment", "payment", "ledger");
  private static final Set<String> JAVA = Set.of("payment", "ledger");
  private static final double[] LEVELS = {0, 0.5, 0.9, 0.99, 1};
  private static final int RECENT_PAUSES = 100;

  private final Random random;
  private final Instant processStart;
  private final Map<String, Calls> calls = new HashMap<>();
  private final Map<String, Pauses> pauses = new HashMap<>();

  /** One pod's outgoing calls so far: cumulative exponential buckets. */
  private static final class Calls {
    final TreeMap<Integer, Long> buckets = new TreeMap<>();
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max;
  }

  /** One pod's GC pauses: cumulative count and sum, and the recent ones for its quantiles. */
  private static final class Pauses {
    final Deque<Double> recent = new ArrayDeque<>();
    long count;
    double sum;
  }

  SampleObservations(long seed, Instant processStart) {
    this.random = new Random(seed ^ 0x5DEECE66DL);
    this.processStart = processStart;
  }

  /**
   * The bucket index of a positive value at {@link #SCALE}: {@code ceil(log2(v) * 2^scale) - 1}.
   */
  static int index(double value) {
    return (int) Math.ceil(Math.log(value) / Math.log(2) * (1 << SCALE)) - 1;
  }

  /** Adds the pod's points at {@code t}, having served {@code requests} since the last scrape. */
  void add(TelemetryBatch b, SampleTopology.Pod pod, Instant t, long requests) {
    String callee = CALLEES.get(pod.service());
    if (callee != null) {
      b.exponentialHistograms.add(calls(pod, callee, t, requests));
      if (random.nextDouble() < 0.01) {
        // The target vanished for a moment: a staleness marker just after the real point.
        TelemetryBatch.ExponentialHistogram last =
            b.exponentialHistograms.get(b.exponentialHistograms.size() - 1);
        b.exponentialHistograms.add(stale(last, t.plusMillis(1)));
      }
    }
    if (JAVA.contains(pod.service())) {
      TelemetryBatch.Summary s = gc(pod, t);
      if (s != null) {
        b.summaries.add(s);
      }
    }
  }

  private TelemetryBatch.ExponentialHistogram calls(
      SampleTopology.Pod pod, String callee, Instant t, long requests) {
    Calls c = calls.computeIfAbsent(pod.name() + "|" + callee, k -> new Calls());
    for (long i = 0; i < requests; i++) {
      double ms = Math.exp(2.5 + random.nextGaussian() * 0.5);
      c.buckets.merge(index(ms), 1L, Long::sum);
      c.count++;
      c.sum += ms;
      c.min = Math.min(c.min, ms);
      c.max = Math.max(c.max, ms);
    }
    List<Long> counts = new ArrayList<>();
    int offset = c.buckets.isEmpty() ? 0 : c.buckets.firstKey();
    if (!c.buckets.isEmpty()) {
      for (int i = offset; i <= c.buckets.lastKey(); i++) {
        counts.add(c.buckets.getOrDefault(i, 0L));
      }
    }
    return new TelemetryBatch.ExponentialHistogram(
        pod.resource(),
        pod.service(),
        CLIENT_DURATION,
        "ms",
        "Duration of outgoing RPCs",
        Map.of("rpc.service", callee),
        processStart,
        t,
        c.count,
        round(c.sum),
        new ExpBuckets(SCALE, 0, offset, counts, 0, List.of()),
        c.count == 0 ? 0 : round(c.min),
        round(c.max),
        2,
        0);
  }

  private static TelemetryBatch.ExponentialHistogram stale(
      TelemetryBatch.ExponentialHistogram p, Instant t) {
    return new TelemetryBatch.ExponentialHistogram(
        p.resource(),
        p.service(),
        p.metric(),
        p.unit(),
        p.description(),
        p.attributes(),
        p.start(),
        t,
        0,
        0,
        new ExpBuckets(SCALE, 0, 0, List.of(), 0, List.of()),
        0,
        0,
        p.temporality(),
        TelemetryBatch.NO_RECORDED_VALUE);
  }

  private TelemetryBatch.Summary gc(SampleTopology.Pod pod, Instant t) {
    Pauses p = pauses.computeIfAbsent(pod.name(), k -> new Pauses());
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      double seconds = Math.exp(-5 + random.nextGaussian() * 0.7);
      p.count++;
      p.sum += seconds;
      p.recent.addLast(seconds);
      if (p.recent.size() > RECENT_PAUSES) {
        p.recent.removeFirst();
      }
    }
    if (p.count == 0) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(p.recent);
    sorted.sort(null);
    List<ValueAtQuantile> quantiles = new ArrayList<>();
    for (double level : LEVELS) {
      // Nearest rank, as client-side summaries report it.
      int rank = (int) Math.ceil(level * sorted.size());
      quantiles.add(new ValueAtQuantile(level, sorted.get(Math.max(0, rank - 1))));
    }
    return new TelemetryBatch.Summary(
        pod.resource(),
        pod.service(),
        GC_PAUSE,
        "s",
        "GC pause durations",
        Map.of(),
        processStart,
        t,
        p.count,
        p.sum,
        quantiles,
        0);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
