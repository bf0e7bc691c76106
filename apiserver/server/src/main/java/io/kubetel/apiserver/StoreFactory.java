package io.kubetel.apiserver;

import io.kubetel.model.store.TelemetryStore;

/**
 * Opens the telemetry store for a configuration. The seam between the composition root and the
 * storage implementation: production opens ClickHouse, end-to-end tests may inject their own.
 */
@FunctionalInterface
public interface StoreFactory {

  /** Opens the store; it is closed by the server on shutdown. */
  TelemetryStore open(ApiServerConfig config);
}
