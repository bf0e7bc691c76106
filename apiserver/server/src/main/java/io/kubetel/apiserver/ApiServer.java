package io.kubetel.apiserver;

import io.kubetel.alerting.service.AlertingService;
import io.kubetel.apiserver.ApiServerConfig.Cluster;
import io.kubetel.apiserver.ApiServerConfig.Standalone;
import io.kubetel.apiserver.audit.AuditHandler;
import io.kubetel.apiserver.discovery.DiscoveryDocuments;
import io.kubetel.apiserver.discovery.DiscoveryEndpoints;
import io.kubetel.apiserver.discovery.ServedGroup;
import io.kubetel.apiserver.health.BlockedThreadWatch;
import io.kubetel.apiserver.health.HealthEndpoints;
import io.kubetel.apiserver.health.StoreReadiness;
import io.kubetel.apiserver.http.ApiRouter;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.http.RequestMetrics;
import io.kubetel.apiserver.limits.ConnectionGuard;
import io.kubetel.apiserver.limits.HttpLimits;
import io.kubetel.apiserver.limits.ProbeBodyLimit;
import io.kubetel.apiserver.limits.RequestBudgetHandler;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.apiserver.limits.WatchLimiter;
import io.kubetel.apiserver.openapi.OpenApiEndpoints;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.CertificateReloader;
import io.kubetel.apiserver.security.ClientCertificateAuthenticator;
import io.kubetel.apiserver.security.KubeconfigWriter;
import io.kubetel.apiserver.security.PemFiles;
import io.kubetel.apiserver.security.StandalonePki;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds, in order, TLS and authentication, the continue
 * key, Vert.x and the bounded worker pool for blocking storage calls, the store, the resources, the
 * router and the probes, and that starts and stops them. Each part of {@link ApiServerConfig} is
 * handed whole to what uses it. The one seam is the {@link StoreFactory}: production opens
 * ClickHouse ({@link #CLICKHOUSE}), tests and the e2e harness inject their own store.
 *
 * <p>Cluster mode with delegation also starts {@link DelegatedAuth} (Kubernetes client, reviews,
 * the watched authentication ConfigMap) before the resources are built; {@link TenancyWiring} then
 * routes the resources' reads by tenant (its informers use the same client).
 *
 * <p>Every request passes the audit line, the probe body limit, authentication and its {@code
 * limits} budget ({@link ServerLimits}); the listener carries the idle, URL and header bounds, and
 * its connection hook the slow-request deadline and the connection limits ({@link
 * ConnectionGuard}).
 *
 * <p>Start: PKI (standalone) → custom resource files (standalone, {@link
 * StandaloneCustomResources}) → store → handlers → router → listen → readiness pings → kubeconfig
 * (standalone, written only once the port is known and accepting). Stop (SIGTERM): readiness turns
 * false, the server stops accepting and drains in-flight requests up to the shutdown timeout, then
 * the worker pool, the store and Vert.x close.
 */
public final class ApiServer {
  /** Opens the telemetry store; the server closes it on shutdown. */
  @FunctionalInterface
  public interface StoreFactory {
    TelemetryStore open(ClickHouseSettings settings);
  }

  /** The production store: ClickHouse, from the {@code --clickhouse-*} flags. */
  public static final StoreFactory CLICKHOUSE = ClickHouseTelemetryStore::new;

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final Duration TLS_RELOAD_INTERVAL = Duration.ofSeconds(10);
  private static final long AWAIT_SECONDS = 60;

  private final ApiServerConfig config;
  private final StoreFactory stores;
  private final Clock clock;
  private final Duration tlsReloadInterval;

  private Vertx vertx;
  private WorkerExecutor worker;
  private TelemetryStore store;
  private Optional<AnomalyScanService> anomalyScan = Optional.empty();
  private HttpServer server;
  private StoreReadiness readiness;
  private CertificateReloader reloader;
  private DelegatedAuth delegated;
  private TenancyWiring tenancy;
  private Optional<AlertingService> alerting = Optional.empty();
  private volatile boolean shuttingDown;
  private boolean stopped;

  public ApiServer(ApiServerConfig config, StoreFactory stores, Clock clock) {
    this(config, stores, clock, TLS_RELOAD_INTERVAL);
  }

  /** As above, with the interval at which certificate files are checked for changes. */
  ApiServer(ApiServerConfig config, StoreFactory stores, Clock clock, Duration tlsReloadInterval) {
    this.config = config;
    this.stores = stores;
    this.clock = clock;
    this.tlsReloadInterval = tlsReloadInterval;
  }

  /** Starts serving; returns the port actually bound. Cleans up what it started on failure. */
  public synchronized int start() throws Exception {
    try {
      return doStart();
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  private int doStart() throws Exception {
    // 1. TLS and authentication.
    StandalonePki pki = null;
    Path kubeconfig = null;
    TlsSettings tls;
    if (config.tls() instanceof Standalone standalone) {
      kubeconfig = standalone.kubeconfig();
      Files.deleteIfExists(kubeconfig); // never leave a stale one for readers
      pki = new StandalonePki(standalone.stateDir(), clock);
      pki.ensure();
      tls = new TlsSettings(pki.servingCert(), pki.servingKey(), Optional.of(pki.caCert()));
    } else {
      tls = ((Cluster) config.tls()).files();
    }
    Optional<ApiServerConfig.Delegation> delegation =
        config.tls() instanceof Cluster cluster ? cluster.delegation() : Optional.empty();
    if (delegation.isPresent()) {
      tls = tls.verifiedInAuthenticators();
    }
    List<Authenticator> authenticators = delegation.isPresent() ? List.of() : authenticators(tls);
    AtomicReference<ContinueKey> continueKey = new AtomicReference<>(continueKey(tls));
    // Files are read here, before the event loop runs; an invalid one stops the start.
    Optional<StandaloneCustomResources> custom = StandaloneCustomResources.load(config, clock);

    // 2. Vert.x, the bounded worker pool, the store and the resources.
    vertx = Vertx.vertx();
    worker =
        vertx.createSharedWorkerExecutor(
            "kubetel-store", config.storage().workerThreads(), 5, TimeUnit.MINUTES);
    // Every store opened (the server's own and each tenant's) feeds the ClickHouse query metrics.
    PrometheusMeterRegistry registry = meterRegistry();
    BlockedThreadWatch.install(vertx, registry);
    ClickHouseQueryMetrics queryMetrics = new ClickHouseQueryMetrics(registry);
    StoreFactory observed =
        settings -> {
          TelemetryStore opened = stores.open(settings);
          if (opened instanceof ClickHouseTelemetryStore clickhouse) {
            clickhouse.observe(queryMetrics);
          }
          return opened;
        };
    store = observed.open(config.storage().clickhouse());
    anomalyScan =
        config
            .anomalies()
            .map(a -> new AnomalyScanService(a, config.storage().clickhouse(), store, clock));
    if (delegation.isPresent()) {
      // Before the resources: tenancy's informers share the delegated Kubernetes client.
      delegated =
          DelegatedAuth.start(
              delegation.get(),
              tls,
              vertx,
              tlsReloadInterval,
              config.serving().limits().requestTimeout());
    }
    tenancy =
        TenancyWiring.start(
            config,
            store,
            observed,
            Optional.ofNullable(delegated).map(DelegatedAuth::client),
            TelemetryResources.PLURALS);
    // Alert history lives in kubetel's own database, read with the server's own identity.
    String systemDatabase = config.storage().systemDatabase();
    TelemetryResources.Reads reads =
        ResultCacheWiring.reads(
            config.resultCache(),
            tenancy.store(),
            tenancy.cacheScope(),
            vertx,
            worker,
            clock,
            config.resources(),
            registry);
    List<ResourceHandler> resources =
        TelemetryResources.create(
            reads,
            anomalyScan.map(AnomalyScanService::reader),
            worker,
            clock,
            config.resources(),
            continueKey::get,
            store.alertHistory().map(h -> h.reader(systemDatabase)));
    List<ResourceInfo> infos = resources.stream().map(ResourceHandler::info).toList();

    // 3. Metrics, probes, discovery, OpenAPI and the router.
    RequestMetrics metrics = new RequestMetrics(registry);
    readiness =
        new StoreReadiness(
            vertx, worker, store, config.storage().readinessInterval(), metrics, clock);
    DiscoveryDocuments discovery = new DiscoveryDocuments(infos);
    List<ServedGroup> customGroups = custom.map(c -> List.of(c.group())).orElse(List.of());
    for (ServedGroup group : customGroups) {
      discovery = discovery.with(group);
    }
    List<EndpointGroup> endpoints = new ArrayList<>();
    endpoints.add(new DiscoveryEndpoints(discovery));
    endpoints.add(new OpenApiEndpoints(infos, customGroups));
    HealthEndpoints health = new HealthEndpoints(readiness, () -> shuttingDown, registry);
    if (delegated != null) {
      // Without the ConfigMap no front-proxy request can be authenticated: not ready, and a
      // rollout whose pods cannot read it stops before replacing working ones.
      health.readyOnlyIf("authentication-configmap", delegated::configMapReadable);
    }
    endpoints.add(health);
    custom.ifPresent(c -> endpoints.add(c.endpoints()));
    endpoints.addAll(tenancy.endpoints());
    ServerLimits limits = config.serving().limits();
    WatchLimiter watches = new WatchLimiter(limits.maxWatchesPerUser(), limits.maxWatches());
    ApiRouter router;
    if (delegation.isPresent()) {
      router = new ApiRouter(vertx, metrics, delegated.handler(), config.serving().maxBodyBytes());
    } else {
      router = new ApiRouter(vertx, metrics, authenticators, config.serving().maxBodyBytes());
    }

    router.guardedBy(
        List.of(new AuditHandler(), new ProbeBodyLimit(limits.maxProbeBodyBytes())),
        List.of(new RequestBudgetHandler(limits, watches, clock)));

    // 4. Listen, then what needs the server running: pings, certificate reload, kubeconfig.
    HttpServerOptions options = HttpLimits.apply(tls.apply(new HttpServerOptions()), limits);
    ConnectionGuard connections =
        new ConnectionGuard(
            config.serving().connections(),
            delegated != null ? delegated.frontProxy() : chain -> false,
            registry);
    server =
        await(
            connections
                .install(
                    HttpLimits.answerInvalidWithStatus(vertx.createHttpServer(options), limits))
                .requestHandler(router.build(endpoints, resources))
                .listen(config.serving().securePort(), config.serving().bindAddress()));
    int port = server.actualPort();
    readiness.start();
    TelemetryStore evaluatorStore = store;
    boolean evaluate =
        config.tls() instanceof Standalone standaloneMode && standaloneMode.evaluateAlertRules();
    alerting =
        custom
            .filter(c -> evaluate)
            .flatMap(
                c -> StandaloneAlerting.start(c.objects(), evaluatorStore, systemDatabase, clock));
    anomalyScan.ifPresent(AnomalyScanService::start);
    if (pki == null) {
      reloader = new CertificateReloader(vertx, server, tls, rederive(continueKey, tls));
      reloader.start(tlsReloadInterval);
    } else {
      KubeconfigWriter.write(kubeconfig, pki, kubeconfigHost(config.serving().bindAddress()), port);
      log.info("event=kubeconfig_written path={}", kubeconfig);
    }
    log.info(
        "event=started address={} port={} standalone={} resources={}",
        config.serving().bindAddress(),
        port,
        pki != null,
        infos.stream().map(ResourceInfo::plural).toList());
    return port;
  }

  /**
   * The continue-token key: {@code --continue-token-key-file}, else (standalone) the one kept in
   * the state directory so tokens survive restarts, else (cluster) one derived from the serving
   * certificate's private key, which every replica mounts.
   */
  private ContinueKey continueKey(TlsSettings tls) throws IOException {
    if (config.continueKeyFile().isPresent()) {
      return ContinueKey.read(config.continueKeyFile().get());
    }
    if (config.tls() instanceof Standalone standalone) {
      return ContinueKey.readOrCreate(standalone.continueKeyFile());
    }
    log.info("event=continue_key_derived key={}", tls.keyFile());
    return ContinueKey.derivedFrom(tls.keyFile());
  }

  /**
   * After a certificate reload, derives the continue-token key again from the new private key (when
   * it is derived at all): tokens issued before the rotation then fail verification and clients
   * restart their lists, as on any key rotation.
   */
  private Runnable rederive(AtomicReference<ContinueKey> continueKey, TlsSettings tls) {
    if (config.continueKeyFile().isPresent()) {
      return () -> {};
    }
    return () -> {
      try {
        continueKey.set(ContinueKey.derivedFrom(tls.keyFile()));
        log.info("event=continue_key_rederived key={}", tls.keyFile());
      } catch (IOException | RuntimeException e) {
        // Keep the previous key: tokens keep working on this replica until the next reload.
        log.warn(
            "event=continue_key_rederive_failed key={} error=\"{}\"",
            tls.keyFile(),
            e.getMessage());
      }
    };
  }

  private List<Authenticator> authenticators(TlsSettings tls) throws IOException {
    List<Authenticator> authenticators = new ArrayList<>();
    // The front-proxy request-header authenticator (cluster mode) will go first, here.
    if (tls.clientCaFile().isPresent()) {
      authenticators.add(
          new ClientCertificateAuthenticator(PemFiles.readCertificates(tls.clientCaFile().get())));
    } else {
      log.warn(
          "event=no_client_ca message=\"no --client-ca-file: every request but probes gets 401\"");
    }
    return authenticators;
  }

  private static PrometheusMeterRegistry meterRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** The address clients should dial: loopback when listening on every interface. */
  static String kubeconfigHost(String bindAddress) {
    return switch (bindAddress) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "[::]" -> "::1";
      default -> bindAddress;
    };
  }

  /** Whether shutdown has begun (readiness reports it). */
  public boolean shuttingDown() {
    return shuttingDown;
  }

  /** Stops gracefully: drain, then release the worker pool, the store and Vert.x. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    shuttingDown = true;
    log.info(
        "event=stopping delay={} timeout={}",
        config.shutdown().delay(),
        config.shutdown().timeout());
    if (server != null && !config.shutdown().delay().isZero()) {
      // Readiness already fails; give endpoint controllers time to stop routing here.
      quietly("shutdown_delay", () -> Thread.sleep(config.shutdown().delay().toMillis()));
    }
    if (reloader != null) {
      reloader.stop();
    }
    alerting.ifPresent(a -> quietly("alerting", a::close));
    if (readiness != null) {
      readiness.stop();
    }
    if (server != null) {
      quietly(
          "http_server",
          () ->
              await(
                  server.shutdown(config.shutdown().timeout().toMillis(), TimeUnit.MILLISECONDS),
                  config.shutdown().timeout().plusSeconds(AWAIT_SECONDS)));
    }
    if (delegated != null) {
      quietly("delegated_auth", () -> delegated.close());
    }
    if (tenancy != null) {
      quietly("tenancy", () -> tenancy.close());
    }
    anomalyScan.ifPresent(a -> quietly("anomaly_scan", a::close));
    if (worker != null) {
      quietly("worker_pool", () -> await(worker.close()));
    }
    if (store != null) {
      quietly("store", () -> store.close());
    }
    if (vertx != null) {
      quietly("vertx", () -> await(vertx.close()));
    }
    log.info("event=stopped");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      log.warn("event=stop_failed component={} error={}", what, e.getClass().getSimpleName());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return await(future, Duration.ofSeconds(AWAIT_SECONDS));
  }

  private static <T> T await(Future<T> future, Duration timeout) throws Exception {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
