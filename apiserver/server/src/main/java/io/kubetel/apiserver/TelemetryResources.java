package io.kubetel.apiserver;

import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.logs.LogsResource;
import io.kubetel.apiserver.metrics.MetricsResource;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.paging.ContinueTokens;
import io.kubetel.apiserver.queries.QueriesHandler;
import io.kubetel.apiserver.resource.ReadOnlyResourceHandler;
import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.traces.TracesResource;
import io.kubetel.model.store.TelemetryStore;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;

/**
 * Creates every telemetry resource handler: part of the composition root (it is the one place that
 * knows every resource package, so no resource package depends on another). {@link ApiServer}
 * mounts each handler under {@link TelemetryApiGroup#PATH} and publishes its {@link ResourceInfo}
 * in discovery and OpenAPI.
 */
public final class TelemetryResources {
  /** The plurals of the resources {@link #create} builds (the tenancy gate applies to them). */
  public static final java.util.Set<String> PLURALS =
      java.util.Set.of("metrics", "traces", "logs", "queries");

  private TelemetryResources() {}

  /**
   * The handlers for metrics, traces, logs and queries.
   *
   * @param store storage; each handler sees only its narrow reader
   * @param workers bounded worker pool for every blocking storage call
   * @param clock the server clock (as-of times, token expiry, windows)
   * @param settings the resources' part of the server configuration
   * @param continueKey signs the lists' continue tokens
   */
  public static List<ResourceHandler> create(
      TelemetryStore store,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings settings,
      ContinueKey continueKey) {
    ContinueTokens tokens = new ContinueTokens(continueKey, settings.continueTtl(), clock);
    return List.of(
        new ReadOnlyResourceHandler<>(new MetricsResource(store), workers, clock, settings, tokens),
        new ReadOnlyResourceHandler<>(new TracesResource(store), workers, clock, settings, tokens),
        new ReadOnlyResourceHandler<>(new LogsResource(store), workers, clock, settings, tokens),
        new QueriesHandler(store, workers, clock));
  }
}
