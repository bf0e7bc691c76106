package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer-access step of a tenant reconciliation: the shared read-only ClusterRole {@value
 * ViewerBindings#CLUSTER_ROLE} (read from a cache, written only when missing or changed), then the
 * tenant's {@link ViewerBindings} through JOSDK's workflow. A refusal by the API server (e.g. the
 * operator lacks RBAC permissions) comes back as a message for the status (status code and what to
 * do; the API server's wording goes to the log), not as an exception; the reconciler retries it
 * with the controller's backoff.
 */
final class ViewerAccess {
  private static final Logger log = LoggerFactory.getLogger(ViewerAccess.class);

  static final String TELEMETRY_GROUP = "telemetry.kubetel.io";

  private ViewerAccess() {}

  /**
   * Grants the tenant's viewers access in exactly {@code namespaces}.
   *
   * @return why access could not be granted, or empty when it was
   */
  static Optional<String> grant(
      TelemetryTenant tenant, Set<String> namespaces, Context<TelemetryTenant> context) {
    Optional<Exception> failure;
    try {
      ensureClusterRole(context.getClient(), TenantEventSources.clusterRole(context));
      ViewerBindings.grantIn(context, namespaces);
      failure =
          context
              .managedWorkflowAndDependentResourceContext()
              .reconcileManagedWorkflow()
              .getErroredDependents()
              .values()
              .stream()
              .findFirst();
    } catch (KubernetesClientException e) {
      failure = Optional.of(e);
    }
    return failure.map(
        e -> {
          log.warn(
              "event=viewer_bindings_failed tenant={} error={}",
              tenant.getMetadata().getName(),
              ErrorText.describe(e));
          return "cannot manage viewer RoleBindings: " + forUsers(e);
        });
  }

  /** The failure as the status may show it: the API server's own words stay in the log. */
  private static String forUsers(Exception e) {
    if (e instanceof ViewerBindings.ForeignBindingException foreign) {
      return foreign.getMessage();
    }
    if (e instanceof KubernetesClientException k) {
      return FailureText.kubernetes(k)
          + (k.getCode() == 401 || k.getCode() == 403
              ? ": the operator lacks RBAC permissions (see operator/README.md, permissions)"
              : "");
    }
    return FailureText.unexpected(e);
  }

  /** The shared ClusterRole: get/list/watch on every telemetry.kubetel.io resource. */
  static ClusterRole clusterRole() {
    return new ClusterRoleBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(ViewerBindings.CLUSTER_ROLE)
                .withLabels(Map.of(ViewerBindings.MANAGED_BY, ViewerBindings.OPERATOR))
                .build())
        .withRules(
            new PolicyRuleBuilder()
                .withApiGroups(TELEMETRY_GROUP)
                .withResources("*")
                .withVerbs("get", "list", "watch")
                .build())
        .build();
  }

  /**
   * Creates or updates the shared ClusterRole (the Helm chart ships it too; this is idempotent). It
   * is shared by all tenants, so it is no dependent of any one of them. It is read from {@code
   * cache} (a watch on this one name), so a reconcile whose ClusterRole is in place costs no
   * request.
   */
  static void ensureClusterRole(
      KubernetesClient client, InformerEventSource<ClusterRole, TelemetryTenant> cache) {
    ClusterRole desired = clusterRole();
    ResourceID id = new ResourceID(ViewerBindings.CLUSTER_ROLE);
    if (cache.get(id).map(r -> Objects.equals(r.getRules(), desired.getRules())).orElse(false)) {
      return; // the usual case: no lock, no request
    }
    // The first reconciles after a start all find it missing: one writes, the others then find
    // it in the cache (handleRecentResourceCreate) instead of each failing on AlreadyExists.
    synchronized (cache) {
      writeClusterRole(client, cache, desired, cache.get(id));
    }
  }

  private static void writeClusterRole(
      KubernetesClient client,
      InformerEventSource<ClusterRole, TelemetryTenant> cache,
      ClusterRole desired,
      Optional<ClusterRole> existing) {
    try {
      if (existing.isEmpty()) {
        ClusterRole created = client.rbac().clusterRoles().resource(desired).create();
        // Later reconciles see it before the watch delivers it.
        cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
        log.info("event=viewer_clusterrole_created name={}", ViewerBindings.CLUSTER_ROLE);
      } else if (!Objects.equals(existing.get().getRules(), desired.getRules())) {
        ClusterRole fixed = new ClusterRoleBuilder(existing.get()).build();
        fixed.setRules(desired.getRules());
        ClusterRole updated = client.rbac().clusterRoles().resource(fixed).update();
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, existing.get());
        log.info("event=viewer_clusterrole_restored name={}", ViewerBindings.CLUSTER_ROLE);
      }
    } catch (KubernetesClientException e) {
      // Another reconcile created or changed it since the cache was read: its event is on the way
      // and wakes a tenant if the role is still not as desired (restoredBy).
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * The tenant that restores the ClusterRole after an event about it: any one tenant when the role
   * is now missing ({@code current} empty: deleted) or not as desired, else none.
   */
  static Set<ResourceID> restoredBy(
      Optional<ClusterRole> current, IndexedResourceCache<TelemetryTenant> all) {
    boolean desired =
        current.map(r -> Objects.equals(r.getRules(), clusterRole().getRules())).orElse(false);
    return desired ? Set.of() : all.keys().findFirst().map(Set::of).orElse(Set.of());
  }
}
