package io.kubetel.apiserver;

import io.kubetel.anomaly.scan.ScanSettings;
import io.kubetel.store.sql.Identifiers;

/**
 * The anomaly scan a server hosts ({@code --anomaly-scan}): where its state and findings live and
 * how it runs. The scan reads the server's one telemetry database.
 *
 * @param systemDatabase kubetel's own database for the {@code anomaly_state} and {@code anomalies}
 *     tables ({@code --system-database}, default {@code kubetel_system})
 * @param settings interval, warm-up, look-back, minimum duration, save interval, sensitivity
 */
public record AnomalyScanConfig(String systemDatabase, ScanSettings settings) {

  public AnomalyScanConfig {
    if (!Identifiers.isValidDatabase(systemDatabase)) {
      throw new IllegalArgumentException(
          "--system-database: '" + systemDatabase + "' is not a valid ClickHouse database name");
    }
  }
}
