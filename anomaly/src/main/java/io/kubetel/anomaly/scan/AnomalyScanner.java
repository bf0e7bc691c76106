package io.kubetel.anomaly.scan;

import io.kubetel.anomaly.AnomalyDetectors;
import io.kubetel.anomaly.DetectorFactory;
import io.kubetel.anomaly.tracking.AnomalyInterval;
import io.kubetel.anomaly.tracking.AnomalyTracker;
import io.kubetel.anomaly.tracking.AnomalyTransition;
import io.kubetel.model.anomalies.Anomaly;
import io.kubetel.model.anomalies.AnomalyStore;
import io.kubetel.model.anomalies.SeriesState;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anomaly scan: every pass reads each metric series' new points from one telemetry database,
 * feeds them to the series' detector (the default detector for the configured sensitivity, through
 * an {@link AnomalyTracker} with the minimum duration) and writes the anomalies that fire, grow and
 * resolve to the {@link AnomalyStore}. A fresh scan learns from {@code warmup} of history first;
 * detector state and each series' newest judged point are saved, so a restarted scan resumes where
 * the saved state stopped. Anomalies are named by series and start, and an anomaly still open at a
 * restart is continued rather than opened again, so replaying points writes no duplicate.
 *
 * <p>Not thread-safe: the host runs {@link #restore}, {@link #scan} and {@link #saveState} from one
 * thread. Every method blocks on storage.
 */
public final class AnomalyScanner {
  private static final Logger log = LoggerFactory.getLogger(AnomalyScanner.class);
  private static final int PAGE_SIZE = 200;

  private final MetricReader metrics;
  private final AnomalyStore store;
  private final ScanSettings settings;
  private final Clock clock;
  private final DetectorFactory factory;
  private final AnomalyTracker tracker;
  private final SeriesValues values = new SeriesValues();
  private final Map<String, Instant> lastPoints = new HashMap<>();
  private final Map<String, Anomaly> open = new HashMap<>();
  private final Set<String> dirty = new HashSet<>();
  private Instant scannedUntil;
  private Instant lastSave;

  public AnomalyScanner(
      MetricReader metrics, AnomalyStore store, ScanSettings settings, Clock clock) {
    this.metrics = metrics;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.factory = AnomalyDetectors.forAlert(settings.sensitivity(), 0);
    this.tracker = new AnomalyTracker(factory, settings.minimumDuration().toMillis());
  }

  /** Resumes from saved state: each series' detector and newest point, and open anomalies. */
  public void restore() {
    int restored = 0;
    for (SeriesState s : store.loadStates()) {
      if (!s.detector().equals(factory.name())) {
        continue;
      }
      try {
        tracker.restoreState(s.seriesKey(), s.state());
        lastPoints.put(s.seriesKey(), s.lastPoint());
        restored++;
      } catch (IllegalArgumentException e) {
        log.warn(
            "event=anomaly_state_unreadable series={} error={}", s.seriesKey(), e.getMessage());
      }
    }
    for (Anomaly a : store.openAnomalies()) {
      open.put(key(a.namespace(), a.series()), a);
    }
    log.info("event=anomaly_scan_restored series={} open_anomalies={}", restored, open.size());
  }

  /** One pass over every series; returns what it did. */
  public ScanReport scan() {
    Instant now = clock.instant();
    Instant start =
        scannedUntil == null
            ? now.minus(settings.warmup())
            : scannedUntil.minus(settings.lookback());
    Map<String, Anomaly> changed = new LinkedHashMap<>();
    int series = 0;
    int points = 0;
    Optional<Cursor> after = Optional.empty();
    do {
      ListRequest request =
          new ListRequest(
              Optional.empty(), new TimeWindow(start, now), List.of(), after, PAGE_SIZE, true);
      Page<MetricSeries> page = metrics.listSeries(request);
      for (MetricSeries s : page.items()) {
        series++;
        points += judge(s, changed);
      }
      after = page.next();
    } while (after.isPresent());
    store.saveAnomalies(changed.values());
    scannedUntil = now;
    if (lastSave == null || !now.isBefore(lastSave.plus(settings.saveInterval()))) {
      saveState();
    }
    ScanReport report = new ScanReport(series, points, changed.size());
    log.info(
        "event=anomaly_scan series={} points={} anomalies_written={} open={}",
        report.series(),
        report.points(),
        report.anomaliesWritten(),
        open.size());
    return report;
  }

  /** Saves the state of every series that learned something since the last save. */
  public void saveState() {
    List<SeriesState> states =
        dirty.stream()
            .flatMap(
                k ->
                    tracker.saveState(k).stream()
                        .map(bytes -> new SeriesState(k, factory.name(), bytes, lastPoints.get(k))))
            .toList();
    store.saveStates(states);
    dirty.clear();
    lastSave = clock.instant();
    log.info("event=anomaly_state_saved series={}", states.size());
  }

  /** Feeds a series' unseen points; returns how many were judged. */
  private int judge(MetricSeries s, Map<String, Anomaly> changed) {
    String key = key(s.namespace(), s.name());
    Instant last = lastPoints.get(key);
    int judged = 0;
    for (MetricPoint p : s.points()) {
      if (last != null && !p.time().isAfter(last)) {
        continue;
      }
      last = p.time();
      lastPoints.put(key, last);
      dirty.add(key);
      OptionalDouble value = values.value(key, s, p);
      if (value.isEmpty()) {
        continue;
      }
      judged++;
      Optional<AnomalyTransition> t =
          tracker.observe(key, p.time().toEpochMilli(), value.getAsDouble());
      if (t.isPresent() && t.get().kind() == AnomalyTransition.Kind.RESOLVED) {
        Anomaly a = merge(s, key, t.get().anomaly(), true);
        open.remove(key);
        changed.put(a.name(), a);
      }
    }
    Optional<AnomalyInterval> firing = tracker.firing(key);
    if (firing.isPresent()) {
      Anomaly a = merge(s, key, firing.get(), false);
      open.put(key, a);
      changed.put(a.name(), a);
    } else if (judged > 0 && open.containsKey(key)) {
      // Open before a restart, and the series has been normal since: it resolved.
      Anomaly o = open.remove(key);
      Anomaly resolved =
          new Anomaly(
              o.name(),
              o.namespace(),
              o.series(),
              o.metricName(),
              o.service(),
              o.labels(),
              o.start(),
              o.end(),
              o.grade(),
              o.expectedLow(),
              o.expectedHigh(),
              o.observed(),
              o.detector(),
              true);
      changed.put(resolved.name(), resolved);
    }
    return judged;
  }

  /** The anomaly for a tracker interval, continuing the series' open one if it has one. */
  private Anomaly merge(MetricSeries s, String key, AnomalyInterval i, boolean resolved) {
    Anomaly o = open.get(key);
    Instant start = Instant.ofEpochMilli(i.startMillis());
    Instant end = Instant.ofEpochMilli(i.endMillis());
    if (o == null) {
      return new Anomaly(
          Anomaly.nameOf(s.name(), start),
          s.namespace(),
          s.name(),
          s.metricName(),
          s.service(),
          s.attributes(),
          start,
          end,
          i.grade(),
          i.expectedLow(),
          i.expectedHigh(),
          i.observed(),
          factory.name(),
          resolved);
    }
    boolean worse = i.grade() > o.grade();
    return new Anomaly(
        o.name(),
        o.namespace(),
        o.series(),
        o.metricName(),
        o.service(),
        o.labels(),
        o.start(),
        end.isAfter(o.end()) ? end : o.end(),
        worse ? i.grade() : o.grade(),
        worse ? i.expectedLow() : o.expectedLow(),
        worse ? i.expectedHigh() : o.expectedHigh(),
        worse ? i.observed() : o.observed(),
        o.detector(),
        resolved);
  }

  private static String key(String namespace, String series) {
    return namespace + "/" + series;
  }

  /**
   * What one scan did.
   *
   * @param series series read
   * @param points points judged
   * @param anomaliesWritten anomalies written (new, grown or resolved)
   */
  public record ScanReport(int series, int points, int anomaliesWritten) {}
}
