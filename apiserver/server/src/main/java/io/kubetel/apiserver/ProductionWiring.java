package io.kubetel.apiserver;

import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.resource.TelemetryResources;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseSettings;

/**
 * The factories the production binary uses: the ClickHouse store and the telemetry resource
 * handlers. Tests reuse {@link #handlers()} with a store of their own through {@link
 * ApiServerMain#run}.
 */
public final class ProductionWiring {
  private ProductionWiring() {}

  /** Opens the ClickHouse store from the {@code --clickhouse-*} settings. */
  public static StoreFactory stores() {
    return config ->
        new ClickHouseTelemetryStore(
            ClickHouseSettings.of(config.clickhouseUrl(), config.clickhouseDatabase())
                .withCredentials(config.clickhouseUser(), config.clickhousePassword()));
  }

  /** Metrics, traces, logs and queries, tuned from the configuration. */
  public static HandlerFactory handlers() {
    return dependencies ->
        TelemetryResources.create(
            dependencies.store(),
            dependencies.worker(),
            dependencies.clock(),
            settings(dependencies.config(), dependencies.continueKey()));
  }

  static ResourceSettings settings(ApiServerConfig config, HandlerFactory.ContinueKey key) {
    ResourceSettings defaults = ResourceSettings.defaults(key.bytes());
    return new ResourceSettings(
        config.defaultWindow(),
        config.maxWindow(),
        defaults.maxFutureSkew(),
        defaults.pageSize(),
        key.bytes(),
        defaults.continueTtl(),
        config.watchPollInterval(),
        defaults.watchHorizon(),
        defaults.watchLatenessGrace(),
        defaults.watchMaxTimeout(),
        defaults.watchBookmarkInterval());
  }
}
