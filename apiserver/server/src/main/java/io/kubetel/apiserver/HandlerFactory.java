package io.kubetel.apiserver;

import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.model.store.TelemetryStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;

/**
 * Creates the resource handlers the server mounts and publishes in discovery and OpenAPI. The seam
 * between the composition root and the resource implementations.
 */
@FunctionalInterface
public interface HandlerFactory {

  /**
   * @param dependencies what handlers may use
   */
  List<ResourceHandler> create(Dependencies dependencies);

  /**
   * What the composition root hands to handlers.
   *
   * @param vertx the Vert.x instance
   * @param worker the bounded worker pool for every blocking store call
   * @param store the store
   * @param config the configuration (windows, watch poll interval)
   * @param clock the server clock
   * @param continueKey HMAC key for continue tokens (at least 32 bytes)
   */
  record Dependencies(
      Vertx vertx,
      WorkerExecutor worker,
      TelemetryStore store,
      ApiServerConfig config,
      Clock clock,
      ContinueKey continueKey) {}

  /** Key material for continue tokens; never printed. */
  final class ContinueKey {
    private final byte[] bytes;

    public ContinueKey(byte[] bytes) {
      if (bytes.length < 32) {
        throw new IllegalArgumentException("a continue-token key needs at least 32 bytes");
      }
      this.bytes = bytes.clone();
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return "ContinueKey[<redacted>]";
    }
  }
}
