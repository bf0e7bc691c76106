package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What wakes a tenant besides its own changes and its viewer RoleBindings (watched by the {@link
 * ViewerBindings} dependent): namespaces (creation, deletion, labels) and the other tenants (their
 * namespaces may free or take ones this tenant selects).
 */
final class TenantEventSources {

  static final String NAMESPACES = "namespaces";
  static final String PEERS = "peer-tenants";

  private TenantEventSources() {}

  static List<EventSource<?, TelemetryTenant>> create(EventSourceContext<TelemetryTenant> context) {
    // Any namespace change (new namespace, label change, deletion) may change any tenant's set.
    var namespaces =
        InformerEventSourceConfiguration.from(Namespace.class, TelemetryTenant.class)
            .withName(NAMESPACES)
            .withSecondaryToPrimaryMapper((Namespace ns) -> allTenants(context, null))
            .build();
    var peers =
        InformerEventSourceConfiguration.from(TelemetryTenant.class, TelemetryTenant.class)
            .withName(PEERS)
            .withSecondaryToPrimaryMapper(
                (TelemetryTenant t) -> allTenants(context, t.getMetadata().getName()))
            .build();
    return List.of(
        new InformerEventSource<>(namespaces, context), new InformerEventSource<>(peers, context));
  }

  /** The namespaces that exist, from the namespace informer's cache. */
  static List<Namespace> namespaces(Context<TelemetryTenant> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<Namespace, TelemetryTenant> source =
        (InformerEventSource<Namespace, TelemetryTenant>)
            context.eventSourceRetriever().getEventSourceFor(Namespace.class, NAMESPACES);
    return source.list(ns -> true).toList();
  }

  private static Set<ResourceID> allTenants(
      EventSourceContext<TelemetryTenant> ctx, String except) {
    return ctx.getPrimaryCache()
        .list()
        .filter(t -> !t.getMetadata().getName().equals(except))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
