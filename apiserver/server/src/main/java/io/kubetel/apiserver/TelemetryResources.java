package io.kubetel.apiserver;

import io.kubetel.apiserver.alertevents.AlertEventsResource;
import io.kubetel.apiserver.anomalies.AnomaliesResource;
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
import io.kubetel.apiserver.resource.WatchSharing;
import io.kubetel.apiserver.traces.TracesResource;
import io.kubetel.model.alerts.AlertEventReader;
import io.kubetel.model.anomalies.AnomalyReader;
import io.kubetel.model.store.TelemetryStore;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates every telemetry resource handler: part of the composition root (it is the one place that
 * knows every resource package, so no resource package depends on another). {@link ApiServer}
 * mounts each handler under {@link TelemetryApiGroup#PATH} and publishes its {@link ResourceInfo}
 * in discovery and OpenAPI.
 */
public final class TelemetryResources {
  /**
   * The plurals of the resources {@link #create} builds: the tenancy gate applies the namespace's
   * tenant (audit line, per-user {@code requestsPerSecond}) to all of them, also to anomalies and
   * alert events, which are read from kubetel's own database but cost ClickHouse work all the same.
   */
  public static final java.util.Set<String> PLURALS =
      java.util.Set.of("metrics", "traces", "logs", "queries", "anomalies", "alertevents");

  private TelemetryResources() {}

  /**
   * Where the telemetry resources read: lists, gets and queries through {@code reads} (the result
   * cache when it is on), watch polls through {@code polls} (never cached: each poll's window is
   * its own), shared by {@code sharing} when present.
   */
  public record Reads(TelemetryStore reads, TelemetryStore polls, Optional<WatchSharing> sharing) {
    /** Every read straight from {@code store}, each watch polling alone. */
    public static Reads direct(TelemetryStore store) {
      return new Reads(store, store, Optional.empty());
    }
  }

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
    return create(
        store, Optional.empty(), workers, clock, settings, () -> continueKey, Optional.empty());
  }

  /**
   * Every resource: the telemetry ones, {@code anomalies} when the server hosts the anomaly scan,
   * {@code alertevents} when the store keeps an alert history (which database it reads is the
   * composition root's choice).
   *
   * @param anomalies what the anomaly scan found, when the server hosts it
   * @param continueKey the continue-token key, which may change (derived from a rotated
   *     certificate)
   * @param alertEvents the alert history reader, when there is one
   */
  public static List<ResourceHandler> create(
      TelemetryStore store,
      Optional<AnomalyReader> anomalies,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings settings,
      Supplier<ContinueKey> continueKey,
      Optional<AlertEventReader> alertEvents) {
    return create(
        Reads.direct(store), anomalies, workers, clock, settings, continueKey, alertEvents);
  }

  /** As above, reading as {@code reads} says (result cache, shared watch polls). */
  public static List<ResourceHandler> create(
      Reads reads,
      Optional<AnomalyReader> anomalies,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings settings,
      Supplier<ContinueKey> continueKey,
      Optional<AlertEventReader> alertEvents) {
    TelemetryStore store = reads.reads();
    TelemetryStore polls = reads.polls();
    ContinueTokens tokens = new ContinueTokens(continueKey, settings.continueTtl(), clock);
    List<ResourceHandler> handlers = new ArrayList<>();
    Optional<WatchSharing> sharing = reads.sharing();
    handlers.add(
        new ReadOnlyResourceHandler<>(
            new MetricsResource(store),
            new MetricsResource(polls),
            sharing,
            workers,
            clock,
            settings,
            tokens));
    handlers.add(
        new ReadOnlyResourceHandler<>(
            new TracesResource(store),
            new TracesResource(polls),
            sharing,
            workers,
            clock,
            settings,
            tokens));
    handlers.add(
        new ReadOnlyResourceHandler<>(
            new LogsResource(store),
            new LogsResource(polls),
            sharing,
            workers,
            clock,
            settings,
            tokens));
    anomalies.ifPresent(
        reader ->
            handlers.add(
                new ReadOnlyResourceHandler<>(
                    new AnomaliesResource(reader),
                    workers,
                    clock,
                    settings.withDefaultWindowAtLeast(AnomaliesResource.DEFAULT_WINDOW),
                    tokens)));
    handlers.add(new QueriesHandler(store, workers, clock));
    alertEvents.ifPresent(
        reader ->
            handlers.add(
                new ReadOnlyResourceHandler<>(
                    new AlertEventsResource(reader), workers, clock, settings, tokens)));
    return List.copyOf(handlers);
  }
}
