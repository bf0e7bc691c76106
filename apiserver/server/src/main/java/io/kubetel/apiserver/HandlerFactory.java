package io.kubetel.apiserver;

import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.core.store.TelemetryStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;

/**
 * Creates the resource handlers the server mounts and publishes in discovery and OpenAPI. The seam
 * between the composition root and the resource implementations.
 */
@FunctionalInterface
public interface HandlerFactory {

  /**
   * @param dependencies what handlers may use: Vert.x, the bounded worker pool for blocking store
   *     calls, the store and the configuration (windows, watch poll interval)
   */
  List<ResourceHandler> create(Dependencies dependencies);

  /** What the composition root hands to handlers. */
  record Dependencies(
      Vertx vertx, WorkerExecutor worker, TelemetryStore store, ApiServerConfig config) {}
}
