package io.kubetel.model.anomalies;

import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.Optional;

/** Reads detected anomalies; what the API server's anomalies handler depends on. */
public interface AnomalyReader {

  /**
   * Anomalies overlapping the window (start before its end, end after its start), ordered by
   * namespace and name.
   */
  Page<Anomaly> listAnomalies(ListRequest request);

  /** The anomaly with this object name in the namespace. */
  Optional<Anomaly> getAnomaly(String namespace, String name);
}
