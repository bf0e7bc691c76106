package io.kubetel.anomaly.eval;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.DetectorFactory;

/**
 * Measures a detector's memory per series: the size of its saved state, and the heap a batch of
 * detectors holds once each has learned a series (heap in use after a full collection, with the
 * detectors, minus before). Heap figures are approximate (the collector decides what "in use"
 * means) and are a measurement for docs, not a test.
 */
final class MemoryProbe {
  private static final int DETECTORS = 20;

  /** Enough points to fill every sample and ring (the forest keeps at most 256 per tree). */
  private static final int POINTS = 5000;

  private MemoryProbe() {}

  /** {@code [state bytes, heap bytes]} per series, after learning the start of {@code series}. */
  static long[] measure(DetectorFactory factory, NabSeries series) {
    AnomalyDetector[] detectors = new AnomalyDetector[DETECTORS];
    long before = usedHeap();
    for (int d = 0; d < DETECTORS; d++) {
      detectors[d] = factory.create();
      for (int i = 0; i < Math.min(POINTS, series.size()); i++) {
        detectors[d].update(series.times()[i], series.values()[i]);
      }
    }
    long after = usedHeap();
    long state = detectors[0].saveState().length;
    long heap = Math.max(0, (after - before) / DETECTORS);
    return new long[] {state, heap};
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
