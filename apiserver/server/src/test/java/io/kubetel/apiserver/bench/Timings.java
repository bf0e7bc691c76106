package io.kubetel.apiserver.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of repeated runs of one benchmark scenario, and their median and p99. */
final class Timings {
  private final List<Long> nanos = new ArrayList<>();

  void add(long n) {
    nanos.add(n);
  }

  /** Adds every duration of {@code other}. */
  void addAll(Timings other) {
    nanos.addAll(other.nanos);
  }

  /** The q-quantile (nearest rank) in milliseconds. */
  double millis(double q) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank))) / 1e6;
  }

  /** One scenario's result: API and raw times, queries per request, rows read and returned. */
  record Row(Timings api, Timings raw, int queries, long readRows, long returned) {}
}
