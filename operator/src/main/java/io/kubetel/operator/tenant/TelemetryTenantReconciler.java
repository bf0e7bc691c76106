package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.retention.RetentionManager.RetentionAction;
import io.kubetel.store.sql.Identifiers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a TelemetryTenant: resolve its namespaces (settling conflicts with other tenants),
 * grant its viewers read access there, provision its database, apply retention, and report all of
 * it as status conditions. On deletion the finalizer honours the deletion policy.
 *
 * <p>Storage failures never throw: they become {@code StorageReady=False} and a retry with
 * exponential backoff, so a ClickHouse outage neither loses data nor floods the API server.
 */
@ControllerConfiguration(name = TelemetryTenantReconciler.NAME)
public class TelemetryTenantReconciler
    implements Reconciler<TelemetryTenant>, Cleaner<TelemetryTenant> {
  private static final Logger log = LoggerFactory.getLogger(TelemetryTenantReconciler.class);

  public static final String NAME = "telemetrytenant";
  static final String NAMESPACES_SOURCE = "namespaces";
  static final String PEERS_SOURCE = "peer-tenants";
  static final String BINDINGS_SOURCE = "viewer-rolebindings";

  private final TenantStorage storage;
  private final ViewerBindings bindings;
  private final EventRecorder events;
  private final TenantReconcilerConfig config;
  private final Clock clock;
  private final Map<String, Integer> storageFailures = new ConcurrentHashMap<>();

  public TelemetryTenantReconciler(
      TenantStorage storage,
      ViewerBindings bindings,
      EventRecorder events,
      TenantReconcilerConfig config,
      Clock clock) {
    this.storage = storage;
    this.bindings = bindings;
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, TelemetryTenant>> prepareEventSources(
      EventSourceContext<TelemetryTenant> context) {
    // Any namespace change (new namespace, label change, deletion) may change any tenant's set.
    var namespaces =
        InformerEventSourceConfiguration.from(Namespace.class, TelemetryTenant.class)
            .withName(NAMESPACES_SOURCE)
            .withSecondaryToPrimaryMapper((Namespace ns) -> allTenants(context, null))
            .build();
    // A tenant's namespaces changing (or the tenant going away) may free or take namespaces that
    // other tenants select: wake the others up.
    var peers =
        InformerEventSourceConfiguration.from(TelemetryTenant.class, TelemetryTenant.class)
            .withName(PEERS_SOURCE)
            .withSecondaryToPrimaryMapper(
                (TelemetryTenant t) -> allTenants(context, t.getMetadata().getName()))
            .build();
    // A viewer RoleBinding deleted or edited by hand wakes its tenant, which restores it; without
    // this it would stay broken until the next spec change or retention run.
    var viewerBindings =
        InformerEventSourceConfiguration.from(RoleBinding.class, TelemetryTenant.class)
            .withName(BINDINGS_SOURCE)
            .withLabelSelector(ViewerBindings.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(
                (RoleBinding rb) ->
                    ViewerBindings.owningTenant(rb)
                        .map(tenant -> Set.of(new ResourceID(tenant)))
                        .orElse(Set.of()))
            .build();
    return List.of(
        new InformerEventSource<>(namespaces, context),
        new InformerEventSource<>(peers, context),
        new InformerEventSource<>(viewerBindings, context));
  }

  private static Set<ResourceID> allTenants(
      EventSourceContext<TelemetryTenant> ctx, String except) {
    return ctx.getPrimaryCache()
        .list()
        .filter(t -> !t.getMetadata().getName().equals(except))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<TelemetryTenant> reconcile(
      TelemetryTenant tenant, Context<TelemetryTenant> context) {
    String name = tenant.getMetadata().getName();
    long generation = generation(tenant);
    Instant now = clock.instant();
    TelemetryTenantStatus before =
        tenant.getStatus() == null ? new TelemetryTenantStatus() : tenant.getStatus();
    TelemetryTenantStatus status = copy(before);
    ConditionSet conditions = ConditionSet.from(before.getConditions(), generation, clock);

    String database = tenant.database();
    if (!Identifiers.isValidDatabase(database)) {
      String message =
          "database name \""
              + database
              + "\" derived from the tenant name is not a valid ClickHouse identifier (at most 63"
              + " letters, digits or '_'); set spec.database";
      conditions.set(ConditionTypes.STORAGE_READY, false, "InvalidDatabaseName", message);
      conditions.set(ConditionTypes.READY, false, "InvalidDatabaseName", message);
      return finish(tenant, before, status, conditions, generation, null);
    }
    if (before.getDatabase() != null && !before.getDatabase().equals(database)) {
      // The tenant's data lives in before.getDatabase(); silently switching would strand it.
      String message =
          "the tenant's data is in database "
              + before.getDatabase()
              + "; it cannot move to "
              + database
              + ": restore spec.database or create a new tenant";
      conditions.set(ConditionTypes.READY, false, "DatabaseChangeRefused", message);
      return finish(tenant, before, status, conditions, generation, null);
    }
    status.setDatabase(database);

    // 1. Namespaces: selected by the spec, minus those another tenant owns.
    List<Namespace> namespaces = namespaces(context);
    SortedSet<String> selected = NamespaceResolver.resolve(tenant.getSpec(), namespaces);
    List<TelemetryTenant> tenants = context.getPrimaryCache().list().toList();
    NamespaceClaims.Result claims = NamespaceClaims.resolve(tenant, selected, tenants, namespaces);
    status.setResolvedNamespaces(new ArrayList<>(claims.owned()));

    // 2. Viewer access in exactly the owned namespaces. A refusal by the API server (e.g. the
    // operator lacks RBAC permissions) is reported, not thrown into an endless retry.
    String bindingError = null;
    try {
      bindings.ensureClusterRole();
      bindings.sync(tenant, claims.owned());
    } catch (KubernetesClientException e) {
      bindingError = "cannot manage viewer RoleBindings: " + describe(e);
      log.warn("event=viewer_bindings_failed tenant={} error={}", name, describe(e));
    }

    // 3. Storage, then retention.
    // Storage is touched only when something may have changed (spec, earlier failure, database)
    // or retention is due: events from peers and namespaces then cost no ClickHouse query.
    Duration next = null;
    boolean retentionDue = RetentionPolicy.due(before, generation, now, config.retentionInterval());
    boolean storageSettled =
        !retentionDue
            && database.equals(before.getDatabase())
            && ConditionSet.find(before.getConditions(), ConditionTypes.STORAGE_READY)
                .map(c -> c.isTrue())
                .orElse(false);
    try {
      if (storageSettled) {
        next =
            RetentionPolicy.untilNext(
                before.getLastRetentionRun(), now, config.retentionInterval());
      } else {
        storage.ensureSchema(database);
        storageFailures.remove(name);
        conditions.set(
            ConditionTypes.STORAGE_READY,
            true,
            "DatabaseReady",
            "database " + database + " and its telemetry tables exist");
        next = applyRetention(tenant, database, status, conditions, now);
      }
    } catch (RuntimeException e) {
      int failures = storageFailures.merge(name, 1, Integer::sum);
      next = config.backoff(failures);
      String message =
          "ClickHouse is unreachable or failed: "
              + describe(e)
              + "; retrying in "
              + human(next)
              + " (attempt "
              + failures
              + ")";
      conditions.set(ConditionTypes.STORAGE_READY, false, "StorageUnavailable", message);
      log.warn(
          "event=tenant_storage_failed tenant={} database={} attempt={} error={}",
          name,
          database,
          failures,
          describe(e));
    }

    // 4. Ready summarises the rest; a namespace conflict dominates.
    if (bindingError != null) {
      Duration retry = config.backoff(storageFailures.getOrDefault(name, 0) + 1);
      next = next == null || retry.compareTo(next) < 0 ? retry : next;
    }
    if (!claims.conflicts().isEmpty()) {
      conditions.set(
          ConditionTypes.READY,
          false,
          "NamespaceConflict",
          "namespaces already owned by another tenant: "
              + NamespaceClaims.describe(claims.conflicts())
              + "; remove them from this tenant's spec or from the other tenant");
    } else if (bindingError != null) {
      conditions.set(ConditionTypes.READY, false, "ViewerBindingFailed", bindingError);
    } else if (!conditions.isTrue(ConditionTypes.STORAGE_READY)) {
      conditions.set(
          ConditionTypes.READY,
          false,
          "StorageUnavailable",
          conditions.get(ConditionTypes.STORAGE_READY).orElseThrow().getMessage());
    } else if (!conditions.isTrue(ConditionTypes.RETENTION_APPLIED)) {
      conditions.set(
          ConditionTypes.READY,
          false,
          "RetentionFailed",
          conditions.get(ConditionTypes.RETENTION_APPLIED).map(c -> c.getMessage()).orElse(""));
    } else {
      SortedSet<String> missing = NamespaceResolver.missing(tenant.getSpec(), namespaces);
      conditions.set(
          ConditionTypes.READY,
          true,
          "Ready",
          claims.owned().size()
              + " namespace(s), database "
              + database
              + (missing.isEmpty() ? "" : "; listed namespaces that do not exist yet: " + missing));
    }
    return finish(tenant, before, status, conditions, generation, next);
  }

  private Duration applyRetention(
      TelemetryTenant tenant,
      String database,
      TelemetryTenantStatus status,
      ConditionSet conditions,
      Instant now) {
    try {
      List<RetentionAction> actions =
          storage.applyRetention(
              database, RetentionPolicy.perSignal(tenant.getSpec().getRetention()), now);
      status.setLastRetentionRun(now.truncatedTo(ChronoUnit.SECONDS).toString());
      conditions.set(
          ConditionTypes.RETENTION_APPLIED,
          true,
          "RetentionApplied",
          "retention metrics="
              + tenant.getSpec().getRetention().getMetrics()
              + " traces="
              + tenant.getSpec().getRetention().getTraces()
              + " logs="
              + tenant.getSpec().getRetention().getLogs()
              + " applied; "
              + actions.size()
              + " action(s) in the last run");
      if (!actions.isEmpty()) {
        log.info(
            "event=retention_applied tenant={} database={} actions={}",
            tenant.getMetadata().getName(),
            database,
            actions.size());
      }
      return config.retentionInterval();
    } catch (RuntimeException e) {
      conditions.set(
          ConditionTypes.RETENTION_APPLIED,
          false,
          "RetentionFailed",
          "retention failed: " + describe(e));
      log.warn(
          "event=retention_failed tenant={} database={} error={}",
          tenant.getMetadata().getName(),
          database,
          describe(e));
      return config.minBackoff().multipliedBy(6);
    }
  }

  private UpdateControl<TelemetryTenant> finish(
      TelemetryTenant tenant,
      TelemetryTenantStatus before,
      TelemetryTenantStatus status,
      ConditionSet conditions,
      long generation,
      Duration next) {
    status.setConditions(conditions.toList());
    status.setObservedGeneration(generation);
    for (String type :
        List.of(
            ConditionTypes.READY, ConditionTypes.STORAGE_READY, ConditionTypes.RETENTION_APPLIED)) {
      if (conditions.transitioned(type)) {
        conditions
            .get(type)
            .ifPresent(
                c -> {
                  if (c.isTrue()) {
                    events.normal(tenant, c.getReason(), c.getMessage());
                  } else {
                    events.warning(tenant, c.getReason(), c.getMessage());
                  }
                });
      }
    }
    UpdateControl<TelemetryTenant> control;
    if (sameStatus(before, status)) {
      control = UpdateControl.noUpdate();
    } else {
      tenant.setStatus(status);
      control = UpdateControl.patchStatus(tenant);
    }
    return next == null ? control : control.rescheduleAfter(next);
  }

  @Override
  public DeleteControl cleanup(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    String name = tenant.getMetadata().getName();
    bindings.deleteAll(name);
    String database = tenant.database();
    DeletionPolicy policy =
        tenant.getSpec() == null || tenant.getSpec().getDeletionPolicy() == null
            ? DeletionPolicy.Retain
            : tenant.getSpec().getDeletionPolicy();
    if (policy == DeletionPolicy.Delete && Identifiers.isValidDatabase(database)) {
      boolean shared =
          context
              .getPrimaryCache()
              .list()
              .anyMatch(
                  t -> !t.getMetadata().getName().equals(name) && database.equals(t.database()));
      if (shared) {
        events.warning(
            tenant,
            "DatabaseShared",
            "database " + database + " is used by another tenant; not dropping it");
      } else {
        try {
          storage.dropDatabase(database);
          log.info("event=tenant_database_dropped tenant={} database={}", name, database);
        } catch (RuntimeException e) {
          int failures = storageFailures.merge(name, 1, Integer::sum);
          Duration retry = config.backoff(failures);
          log.warn(
              "event=tenant_drop_failed tenant={} database={} attempt={} error={}",
              name,
              database,
              failures,
              describe(e));
          events.warning(
              tenant,
              "StorageUnavailable",
              "cannot drop database "
                  + database
                  + ": "
                  + describe(e)
                  + "; retrying in "
                  + human(retry));
          return DeleteControl.noFinalizerRemoval().rescheduleAfter(retry);
        }
      }
    } else {
      log.info("event=tenant_data_retained tenant={} database={}", name, database);
    }
    storageFailures.remove(name);
    return DeleteControl.defaultDelete();
  }

  private static List<Namespace> namespaces(Context<TelemetryTenant> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<Namespace, TelemetryTenant> source =
        (InformerEventSource<Namespace, TelemetryTenant>)
            context.eventSourceRetriever().getEventSourceFor(Namespace.class, NAMESPACES_SOURCE);
    return source.list(ns -> true).toList();
  }

  private static long generation(TelemetryTenant t) {
    return t.getMetadata().getGeneration() == null ? 0 : t.getMetadata().getGeneration();
  }

  private static boolean sameStatus(TelemetryTenantStatus a, TelemetryTenantStatus b) {
    return Objects.equals(a.getResolvedNamespaces(), b.getResolvedNamespaces())
        && Objects.equals(a.getDatabase(), b.getDatabase())
        && Objects.equals(a.getLastRetentionRun(), b.getLastRetentionRun())
        && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(String.valueOf(a.getConditions()), String.valueOf(b.getConditions()))
        && sameTimes(a, b);
  }

  private static boolean sameTimes(TelemetryTenantStatus a, TelemetryTenantStatus b) {
    List<String> ta = new ArrayList<>();
    List<String> tb = new ArrayList<>();
    if (a.getConditions() != null) {
      a.getConditions()
          .forEach(c -> ta.add(c.getLastTransitionTime() + "/" + c.getObservedGeneration()));
    }
    if (b.getConditions() != null) {
      b.getConditions()
          .forEach(c -> tb.add(c.getLastTransitionTime() + "/" + c.getObservedGeneration()));
    }
    return ta.equals(tb);
  }

  private static TelemetryTenantStatus copy(TelemetryTenantStatus s) {
    TelemetryTenantStatus c = new TelemetryTenantStatus();
    c.setResolvedNamespaces(
        s.getResolvedNamespaces() == null
            ? new ArrayList<>()
            : new ArrayList<>(s.getResolvedNamespaces()));
    c.setDatabase(s.getDatabase());
    c.setLastRetentionRun(s.getLastRetentionRun());
    c.setObservedGeneration(s.getObservedGeneration());
    c.setConditions(
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions()));
    return c;
  }

  /** {@code 500ms}, {@code 5s}, {@code 5m0s}-style delay for messages. */
  static String human(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    return d.toSeconds() < 60 ? d.toSeconds() + "s" : d.toMinutes() + "m" + d.toSecondsPart() + "s";
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    m = m.replace('\n', ' ');
    return m.length() > 500 ? m.substring(0, 500) + "..." : m;
  }
}
