package io.kubetel.alerting.anomaly;

import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.ConditionState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the Anomaly condition's learned detectors through kubetel's own database ({@link
 * AlertHistory#saveConditionStates}): {@link #restore} before the first evaluation (a restart or a
 * new leader resumes, no warm-up), {@link #save} periodically and on close. A save writes only the
 * series that learned a point since their last stored state (a forest is up to half a megabyte, and
 * a quiet series would otherwise be written again every period). A save that fails is logged and
 * retried at the next one; the detectors keep learning meanwhile.
 */
public final class AnomalyStatePersistence {
  private static final Logger log = LoggerFactory.getLogger(AnomalyStatePersistence.class);

  private final AnomalyModels models;
  private final AlertHistory history;
  private final String database;
  private final Clock clock;

  /** Per {@code ruleKey/fingerprint}: the settings and newest point of the state stored last. */
  private final Map<String, String> stored = new ConcurrentHashMap<>();

  public AnomalyStatePersistence(
      AnomalyModels models, AlertHistory history, String database, Clock clock) {
    this.models = models;
    this.history = history;
    this.database = database;
    this.clock = clock;
  }

  /** Loads the newest saved state of every series into the models. */
  public void restore() {
    List<SavedSeries> saved = new ArrayList<>();
    int skipped = 0;
    for (ConditionState c : history.latestConditionStates(database)) {
      var settings = AnomalySettings.decode(c.settings());
      if (settings.isEmpty()) {
        skipped++;
        continue;
      }
      SavedSeries series =
          new SavedSeries(
              c.namespace() + "/" + c.rule(),
              c.fingerprint(),
              settings.get(),
              c.lastMillis(),
              c.state());
      saved.add(series);
      stored.put(key(series), learned(series));
    }
    models.restore(saved);
    log.info(
        "event=anomaly_state_restored series={} skipped={} database={}",
        saved.size(),
        skipped,
        database);
  }

  /**
   * Saves the state of every series that learned since its last save; false (logged) on failure.
   */
  public boolean save() {
    long version = clock.millis() * 1000;
    List<ConditionState> rows = new ArrayList<>();
    Map<String, String> saving = new HashMap<>();
    for (SavedSeries s : models.save()) {
      if (learned(s).equals(stored.get(key(s)))) {
        continue;
      }
      saving.put(key(s), learned(s));
      int slash = s.ruleKey().indexOf('/');
      rows.add(
          new ConditionState(
              s.ruleKey().substring(0, slash),
              s.ruleKey().substring(slash + 1),
              s.fingerprint(),
              s.settings().encode(),
              s.lastMillis(),
              s.state(),
              version));
    }
    try {
      history.saveConditionStates(database, rows);
      stored.putAll(saving);
      log.info("event=anomaly_state_saved series={} database={}", rows.size(), database);
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "event=anomaly_state_save_failed series={} database={} error={}",
          rows.size(),
          database,
          e.getMessage());
      return false;
    }
  }

  private static String key(SavedSeries s) {
    return s.ruleKey() + "/" + s.fingerprint();
  }

  private static String learned(SavedSeries s) {
    return s.settings().encode() + "@" + s.lastMillis();
  }
}
