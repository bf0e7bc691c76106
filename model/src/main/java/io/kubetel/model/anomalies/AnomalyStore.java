package io.kubetel.model.anomalies;

import java.util.Collection;
import java.util.List;

/**
 * Where the anomaly scan keeps its work, in kubetel's own database: per-series detector state and
 * the anomalies found. Writes are upserts keyed by series (state) and by namespace and name
 * (anomalies), so writing the same anomaly twice leaves one. All methods block.
 */
public interface AnomalyStore extends AnomalyReader {

  /** Every series' saved state. */
  List<SeriesState> loadStates();

  /** Saves (replaces) the given series' state. */
  void saveStates(Collection<SeriesState> states);

  /** Saves (replaces by namespace and name) the given anomalies. */
  void saveAnomalies(Collection<Anomaly> anomalies);

  /**
   * Anomalies that have not resolved, so a restarted scan continues them instead of duplicating.
   */
  List<Anomaly> openAnomalies();
}
