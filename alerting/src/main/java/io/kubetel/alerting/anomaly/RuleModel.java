package io.kubetel.alerting.anomaly;

import io.kubetel.alerting.condition.SeriesCondition.Verdict;
import io.kubetel.alerting.condition.SeriesInput;
import io.kubetel.anomaly.tracking.AnomalyInterval;
import io.kubetel.anomaly.tracking.AnomalyTracker;
import io.kubetel.anomaly.tracking.AnomalyTransition;
import io.kubetel.model.query.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rule's detectors: an {@link AnomalyTracker} over its series and which of them fire. Each
 * evaluation feeds a series the complete points it has not seen yet, oldest first (the newest step
 * is still filling up and would read low). The first time a series is seen, the points of the query
 * window are its warm-up: the detector learns from them and their transitions are ignored, so a
 * restart or a new rule does not page for what happened before. Synchronized: rules run on a pool.
 */
final class RuleModel {
  private static final Logger log = LoggerFactory.getLogger(RuleModel.class);

  private final AnomalySettings settings;
  private final AnomalyTracker tracker;
  private final Map<String, Long> lastFed = new HashMap<>();
  private final Map<String, Double> lastValue = new HashMap<>();
  private final Set<String> firing = new HashSet<>();

  RuleModel(AnomalySettings settings) {
    this.settings = settings;
    this.tracker = new AnomalyTracker(settings.detectors(), settings.minimumMillis());
  }

  AnomalySettings settings() {
    return settings;
  }

  synchronized Verdict judge(SeriesInput series) {
    String fp = series.fingerprint();
    Long last = lastFed.get(fp);
    boolean warmUp = last == null;
    for (QueryResult.Point p : series.points()) {
      long t = p.time().toEpochMilli();
      if (series.partial(p) || (last != null && t <= last)) {
        continue;
      }
      last = t;
      if (!Double.isFinite(p.value())) {
        continue;
      }
      lastValue.put(fp, p.value());
      Optional<AnomalyTransition> transition = tracker.observe(fp, t, p.value());
      if (warmUp || transition.isEmpty()) {
        continue;
      }
      if (transition.get().kind() == AnomalyTransition.Kind.FIRING) {
        firing.add(fp);
      } else {
        firing.remove(fp);
      }
    }
    if (last == null) {
      return Verdict.noData(); // only a partial step so far: nothing to judge
    }
    lastFed.put(fp, last);
    double value = lastValue.getOrDefault(fp, Double.NaN);
    if (!firing.contains(fp)) {
      return new Verdict(false, value, true);
    }
    Map<String, Double> details = tracker.firing(fp).map(RuleModel::details).orElse(Map.of());
    return new Verdict(true, value, true, details);
  }

  /** What status and notifications show of a firing anomaly. */
  private static Map<String, Double> details(AnomalyInterval a) {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("grade", a.grade());
    d.put("expectedLow", a.expectedLow());
    d.put("expectedHigh", a.expectedHigh());
    d.put("observed", a.observed());
    return d;
  }

  synchronized List<SavedSeries> save(String ruleKey) {
    List<SavedSeries> out = new ArrayList<>();
    lastFed.forEach(
        (fp, t) ->
            tracker
                .saveState(fp)
                .ifPresent(bytes -> out.add(new SavedSeries(ruleKey, fp, settings, t, bytes))));
    return out;
  }

  synchronized void restore(SavedSeries s) {
    try {
      tracker.restoreState(s.fingerprint(), s.state());
      lastFed.put(s.fingerprint(), s.lastMillis());
    } catch (IllegalArgumentException e) {
      log.warn(
          "event=anomaly_state_unreadable rule={} series={} error={}",
          s.ruleKey(),
          s.fingerprint(),
          e.getMessage());
    }
  }
}
