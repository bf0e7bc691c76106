package io.kubetel.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.kubetel.alerting.evaluation.QueryRunners;
import io.kubetel.alerting.service.AlertingSettings;
import io.kubetel.operator.alertrule.AlertEvaluation;
import io.kubetel.operator.alertrule.AlertRuleReconciler;
import io.kubetel.operator.alertrule.AlertRuleValidator;
import io.kubetel.operator.dashboard.DashboardReconciler;
import io.kubetel.operator.dashboard.DashboardValidator;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.QuerySpecChecker;
import io.kubetel.operator.query.TenantCatalogs;
import io.kubetel.operator.query.TenantIndex;
import io.kubetel.operator.tenant.ClickHouseTenantStorage;
import io.kubetel.operator.tenant.DatabaseNames;
import io.kubetel.operator.tenant.NamespaceSafety;
import io.kubetel.operator.tenant.TelemetryTenantReconciler;
import io.kubetel.operator.tenant.identity.ClickHouseAccessControl;
import io.kubetel.operator.tenant.identity.KubernetesCredentialsSecrets;
import io.kubetel.store.alerts.ClickHouseAlertHistory;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.ownership.DatabaseOwnership;
import io.kubetel.store.query.ClickHouseQueryCatalog;
import io.kubetel.store.query.ClickHouseQueryRunner;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.retention.RetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.schema.DatabaseTables;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: from the one {@link OperatorConfig} it builds the Kubernetes client, the
 * ClickHouse access (the shared store module), the three controllers, metrics and the management
 * server, and owns their lifecycle. Nothing else creates long-lived objects.
 */
public final class OperatorApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorApp.class);

  private final KubernetesClient client;
  private final boolean ownsClient;
  private final ClickHouseGateway gateway;
  private final TenantIndex tenants;
  private final AlertEvaluation evaluation;
  private final Operator operator;
  private final ManagementServer management;
  private final AtomicBoolean stopping;

  /**
   * Wires everything from {@code config}: ClickHouse access, metrics, the three controllers and the
   * management server (bound, not started).
   */
  private OperatorApp(OperatorConfig config, KubernetesClient injectedClient) {
    Clock clock = Clock.systemUTC();
    AtomicBoolean stopping = new AtomicBoolean();
    KubernetesClient client =
        injectedClient != null
            ? injectedClient
            : new KubernetesClientBuilder().withConfig(config.cluster().clientConfig()).build();
    ClickHouseGateway gateway =
        new ClickHouseGateway(
            ClickHouseSettings.of(config.clickHouseUrl(), "default")
                .withCredentials(config.clickHouseUser(), config.clickHousePassword())
                .withTables(config.clickHouseTables()));
    PrometheusMeterRegistry registry = meterRegistry();
    // The query checks' tenant index: one watch for both validating controllers.
    TenantIndex tenants = TenantIndex.start(client, config.scope().labelSelector());

    Operator operator =
        new Operator(
            o -> {
              writes(o, client)
                  .withMetrics(new ReconcileMetrics(registry))
                  .withConcurrentReconciliationThreads(config.reconcileThreads())
                  .withReconciliationTerminationTimeout(Duration.ofSeconds(20));
              if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(leaderElection(config, stopping));
              }
            });
    AlertEvaluation evaluation = alertEvaluation(config, gateway, tenants, clock);
    registerControllers(operator, config, client, gateway, tenants, clock, evaluation);

    try {
      this.management =
          new ManagementServer(
              config.managementHost(),
              config.managementPort(),
              () ->
                  operator.getRuntimeInfo().isStarted()
                      && operator.getRuntimeInfo().allEventSourcesAreHealthy()
                      && tenants.healthy(),
              registry);
    } catch (IOException e) {
      tenants.close();
      gateway.close();
      throw new UncheckedIOException(
          "cannot bind the management port " + config.managementPort(), e);
    }
    this.stopping = stopping;
    this.client = client;
    this.ownsClient = injectedClient == null;
    this.gateway = gateway;
    this.operator = operator;
    this.tenants = tenants;
    this.evaluation = evaluation;
  }

  /**
   * The alert evaluator: each namespace's queries run against its tenant's database (else the
   * default database), the history lives in {@code --system-database}. It starts with the first
   * AlertRule reconcile, which happens on the leader only.
   */
  private static AlertEvaluation alertEvaluation(
      OperatorConfig config, ClickHouseGateway gateway, TenantIndex tenants, Clock clock) {
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    Map<String, DatabaseTables> tables = new ConcurrentHashMap<>();
    QueryRunners runners =
        namespace -> {
          String db =
              tenants
                  .databaseOf(namespace)
                  .or(config::defaultDatabase)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "namespace "
                                  + namespace
                                  + " belongs to no TelemetryTenant and there is no default"
                                  + " database"));
          DatabaseTables t =
              tables.computeIfAbsent(
                  db, d -> new DatabaseTables(gateway, schema::layout, d, clock));
          return (spec, ns, now) -> new ClickHouseQueryRunner(t.context()).run(spec, ns, now);
        };
    return new AlertEvaluation(
        AlertingSettings.defaults(config.systemDatabase()),
        runners,
        new ClickHouseAlertHistory(gateway),
        clock);
  }

  /**
   * Wires and starts everything: ClickHouse access, metrics, the three controllers, the management
   * server, then the operator (which elects a leader before reconciling when configured to).
   *
   * @param injectedClient a client to use (tests), or null to build one from the environment
   */
  public static OperatorApp start(OperatorConfig config, KubernetesClient injectedClient) {
    OperatorApp app = new OperatorApp(config, injectedClient);
    app.management.start();
    app.operator.start();
    log.info(
        "event=operator_started leader_election={} management_port={}",
        config.leaderElection(),
        app.management.port());
    return app;
  }

  /**
   * How every operator of this project talks to the API server, in production and in tests: through
   * {@code client} (closed by its owner, not by JOSDK), writing status by JSON merge patch and
   * dependents by create/update instead of server-side apply. That is the tested path: the fabric8
   * mock server has no server-side apply (see environment.md).
   */
  public static ConfigurationServiceOverrider writes(
      ConfigurationServiceOverrider o, KubernetesClient client) {
    return o.withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false);
  }

  /** Prometheus registry with the JVM and process metrics next to the reconcile metrics. */
  private static PrometheusMeterRegistry meterRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /**
   * The three controllers on shared ClickHouse access. Nothing here talks to ClickHouse yet: the
   * operator must start (and report StorageReady=False) even while ClickHouse is down, so the
   * server's layout is detected on first use.
   */
  private static void registerControllers(
      Operator operator,
      OperatorConfig config,
      KubernetesClient client,
      ClickHouseGateway gateway,
      TenantIndex tenants,
      Clock clock,
      AlertEvaluation evaluation) {
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    // Retention and the schema manager share the one layout detection, asked on first use.
    RetentionManager retention = new PartitionRetentionManager(gateway, schema::layout);
    EventRecorder events = new EventRecorder(client, clock, ownNamespace(config, client));
    operator.register(
        new TelemetryTenantReconciler(
            new ClickHouseTenantStorage(
                schema, retention, new DatabaseOwnership(gateway, config.systemDatabase(), clock)),
            events,
            config.retentionInterval(),
            clock,
            DatabaseNames.of(config.systemDatabase(), config.defaultDatabase()),
            // The operator's own namespace: where its Lease lives unless configured otherwise.
            NamespaceSafety.protecting(config.leaseNamespace()),
            // Per-tenant ClickHouse users where the server has SQL access control (20.4+).
            Optional.of(new ClickHouseAccessControl(gateway)),
            Optional.of(
                new KubernetesCredentialsSecrets(client, config.tenantCredentialsNamespace()))),
        o -> scope(o, config.scope(), false));

    QuerySpecChecker checker =
        new QuerySpecChecker(
            new TenantCatalogs(
                tenants,
                // Each tenant database's tables are discovered on first use (any exporter
                // generation, the configured table names).
                db ->
                    ClickHouseQueryCatalog.over(
                        new DatabaseTables(gateway, schema::layout, db, clock), clock),
                config.defaultDatabase()));
    operator.register(
        new AlertRuleReconciler(
            new AlertRuleValidator(checker),
            events,
            clock,
            config.recheckInterval(),
            Optional.of(evaluation)),
        o -> scope(o, config.scope(), true));
    operator.register(
        new DashboardReconciler(
            new DashboardValidator(checker), events, clock, config.recheckInterval()),
        o -> scope(o, config.scope(), true));
  }

  /**
   * Restricts a controller to the operator's scope: objects with the instance label (when one is
   * configured) and, for namespaced kinds, the watched namespaces (when listed). The informers the
   * controllers add (labelled Secrets) follow the controller's namespaces.
   */
  public static <R extends HasMetadata> ControllerConfigurationOverrider<R> scope(
      ControllerConfigurationOverrider<R> o, OperatorConfig.Scope scope, boolean namespaced) {
    if (scope.labelSelector() != null) {
      o.withLabelSelector(scope.labelSelector());
    }
    if (namespaced && !scope.namespaces().isEmpty()) {
      o.settingNamespaces(scope.namespaces());
    }
    return o;
  }

  /**
   * The namespace the operator runs in, where the Events of cluster-scoped objects go: the Lease's
   * ({@code --leader-election-namespace}, else {@code POD_NAMESPACE}, else the service account's),
   * else the client's (the kubeconfig context's outside a cluster), else {@code default}.
   */
  static String ownNamespace(OperatorConfig config, KubernetesClient client) {
    String namespace = config.leaseNamespace();
    return namespace != null && !namespace.isBlank()
        ? namespace
        : EventRecorder.namespaceOf(client);
  }

  /**
   * Leader election on a Lease. Losing the lease while running exits the process (a restarted pod
   * rejoins as a follower, so two replicas never reconcile at once); losing it because we are
   * shutting down does not, since exiting from a shutdown hook would hang the JVM.
   */
  @SuppressWarnings("deprecation")
  static LeaderElectionConfiguration leaderElection(OperatorConfig config, AtomicBoolean stopping) {
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> log.info("event=leader_elected identity={}", config.identity()),
            () -> {
              if (!stopping.get()) {
                log.error("event=leadership_lost identity={} action=exit", config.identity());
                new Thread(() -> System.exit(1), "leadership-lost").start();
              }
            },
            leader -> log.info("event=leader_observed leader={}", leader));
    // JOSDK's own exit-on-stop-leading would also fire when we stop during SIGTERM handling, and
    // System.exit inside a shutdown hook hangs the JVM; JOSDK 5.3 only offers turning it off
    // through this deprecated constructor, so the callback above does the exit instead.
    return new LeaderElectionConfiguration(
        config.leaseName(),
        config.leaseNamespace(),
        config.leaseTimings().duration(),
        config.leaseTimings().renewDeadline(),
        config.leaseTimings().retryPeriod(),
        config.identity(),
        callbacks,
        false);
  }

  /** The management server's port. */
  public int managementPort() {
    return management.port();
  }

  /** Stops reconciling (in-flight reconciliations finish), then releases everything. */
  @Override
  public void close() {
    stopping.set(true);
    try {
      operator.stop();
    } catch (RuntimeException e) {
      log.warn("event=operator_stop_failed error={}", e.getMessage());
    }
    evaluation.close();
    management.close();
    tenants.close();
    gateway.close();
    if (ownsClient) {
      client.close();
    }
    log.info("event=operator_stopped");
  }
}
