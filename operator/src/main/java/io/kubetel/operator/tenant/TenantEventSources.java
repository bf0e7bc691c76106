package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What wakes a tenant besides its own changes and its viewer RoleBindings (watched by the {@link
 * ViewerBindings} dependent), and the caches the reconciliation reads instead of asking the API
 * server: namespaces (creation, deletion, labels), the other tenants (their namespaces may free or
 * take ones this tenant selects; {@link TenantWakeups} decides which tenants an event can affect),
 * and the shared viewer ClusterRole (one object, watched by name and never written by the operator:
 * its deletion wakes the tenants with viewers, its creation those waiting for it, see {@link
 * ViewerAccess#wokenBy}).
 */
final class TenantEventSources {

  static final String NAMESPACES = "namespaces";
  static final String PEERS = "peer-tenants";
  static final String CLUSTER_ROLE = "viewer-clusterrole";

  /**
   * Given to each source below: without a primary-to-secondary mapper JOSDK keeps an index of
   * tenant → secondaries built by calling the secondary-to-primary mapper on every event (so twice
   * per event, and stateful mappers would see their own update). The reconciliation reads these
   * caches by name, never per tenant, so no index is needed.
   */
  static final PrimaryToSecondaryMapper<TelemetryTenant> NO_INDEX = t -> Set.of();

  private TenantEventSources() {}

  static List<EventSource<?, TelemetryTenant>> create(EventSourceContext<TelemetryTenant> context) {
    context.getPrimaryCache().addIndexers(TenantWakeups.indexers());
    // The mappers below read the caches of the sources they belong to: set once those exist.
    AtomicReference<InformerEventSource<Namespace, TelemetryTenant>> namespaceCache =
        new AtomicReference<>();
    AtomicReference<InformerEventSource<TelemetryTenant, TelemetryTenant>> peerCache =
        new AtomicReference<>();
    AtomicReference<InformerEventSource<ClusterRole, TelemetryTenant>> roleCache =
        new AtomicReference<>();
    TenantWakeups wakeups =
        new TenantWakeups(
            context.getPrimaryCache(),
            name -> namespaceCache.get().get(new ResourceID(name)),
            () -> namespaceCache.get().list().toList(),
            name -> peerCache.get().get(new ResourceID(name)).isPresent());

    var namespaces =
        InformerEventSourceConfiguration.from(Namespace.class, TelemetryTenant.class)
            .withName(NAMESPACES)
            // Only labels and deletion decide which tenants select a namespace.
            .withOnUpdateFilter(
                (Namespace a, Namespace b) ->
                    !Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
                        || !Objects.equals(
                            a.getMetadata().getDeletionTimestamp(),
                            b.getMetadata().getDeletionTimestamp()))
            .withSecondaryToPrimaryMapper(wakeups::forNamespace)
            .withPrimaryToSecondaryMapper(NO_INDEX)
            .build();
    // Every tenant in the cluster, also those another operator instance reconciles: a namespace
    // has one owner, whoever reconciles it.
    var peers =
        InformerEventSourceConfiguration.from(TelemetryTenant.class, TelemetryTenant.class)
            .withName(PEERS)
            .withSecondaryToPrimaryMapper(wakeups::forPeer)
            .withPrimaryToSecondaryMapper(NO_INDEX)
            .build();
    var clusterRole =
        InformerEventSourceConfiguration.from(ClusterRole.class, TelemetryTenant.class)
            .withName(CLUSTER_ROLE)
            .withFieldSelector(
                new FieldSelector(
                    new FieldSelector.Field("metadata.name", ViewerBindings.CLUSTER_ROLE)))
            .withSecondaryToPrimaryMapper(
                (ClusterRole role) ->
                    ViewerAccess.wokenBy(
                        roleCache.get().get(ResourceID.fromResource(role)),
                        context.getPrimaryCache()))
            .withPrimaryToSecondaryMapper(NO_INDEX)
            .build();
    namespaceCache.set(new InformerEventSource<>(namespaces, context));
    peerCache.set(new InformerEventSource<>(peers, context));
    roleCache.set(new InformerEventSource<>(clusterRole, context));
    return List.of(namespaceCache.get(), peerCache.get(), roleCache.get());
  }

  /** The namespaces that exist, from the namespace informer's cache. */
  static List<Namespace> namespaces(Context<TelemetryTenant> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<Namespace, TelemetryTenant> source =
        (InformerEventSource<Namespace, TelemetryTenant>)
            context.eventSourceRetriever().getEventSourceFor(Namespace.class, NAMESPACES);
    return source.list(ns -> true).toList();
  }

  /**
   * Every tenant in the cluster, from the peer informer's cache: the one whose events woke this
   * reconciliation, so it already holds the change that did.
   */
  static List<TelemetryTenant> allTenants(Context<TelemetryTenant> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<TelemetryTenant, TelemetryTenant> source =
        (InformerEventSource<TelemetryTenant, TelemetryTenant>)
            context.eventSourceRetriever().getEventSourceFor(TelemetryTenant.class, PEERS);
    return source.list(t -> true).toList();
  }

  /** The cache of the shared viewer ClusterRole (at most one object). */
  @SuppressWarnings("unchecked")
  static InformerEventSource<ClusterRole, TelemetryTenant> clusterRole(
      Context<TelemetryTenant> context) {
    return (InformerEventSource<ClusterRole, TelemetryTenant>)
        context.eventSourceRetriever().getEventSourceFor(ClusterRole.class, CLUSTER_ROLE);
  }
}
