package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer-access step of a tenant reconciliation: the tenant's {@link ViewerBindings} through
 * JOSDK's workflow, bound to the shared ClusterRole {@value ViewerBindings#CLUSTER_ROLE}. That
 * ClusterRole ships with the install (Helm chart, OLM bundle; canonical copy in {@link
 * #CLUSTER_ROLE_RESOURCE}): the operator never creates or updates it, which would fight with Helm
 * and would need the operator to hold every permission it grants. It only reads it from a cache (a
 * watch on that one name) to tell a tenant whose viewers have no access yet ({@value
 * #ROLE_MISSING}).
 *
 * <p>A refusal by the API server (e.g. the operator lacks RBAC permissions) comes back as a message
 * for the status (what was refused and what to do; the API server's wording goes to the log), not
 * as an exception; the reconciler retries it with the controller's backoff.
 */
final class ViewerAccess {
  private static final Logger log = LoggerFactory.getLogger(ViewerAccess.class);

  /** The classpath resource holding the canonical viewer ClusterRole that installs ship. */
  static final String CLUSTER_ROLE_RESOURCE =
      "/io/kubetel/operator/rbac/telemetry-viewer-clusterrole.yaml";

  /** The Ready reason of a tenant with viewers while the shared ClusterRole does not exist. */
  static final String ROLE_MISSING = "ViewerRoleMissing";

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

  /**
   * Why the tenant's viewers have no access although their bindings are in place: the shared
   * ClusterRole is missing (the bindings are kept, so access works as soon as it is installed, and
   * its watch wakes the tenant then). Empty when it exists or the tenant has no viewers.
   */
  static Optional<String> roleMissing(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    var cache = TenantEventSources.clusterRole(context);
    // A stopped watch (the operator shutting down mid-reconcile) has an empty cache: no verdict.
    if (!hasViewers(tenant)
        || !cache.isRunning()
        || cache.get(new ResourceID(ViewerBindings.CLUSTER_ROLE)).isPresent()) {
      return Optional.empty();
    }
    log.warn(
        "event=viewer_clusterrole_missing tenant={} name={}",
        tenant.getMetadata().getName(),
        ViewerBindings.CLUSTER_ROLE);
    return Optional.of(
        "ClusterRole "
            + ViewerBindings.CLUSTER_ROLE
            + " does not exist, so the viewers' RoleBindings grant nothing yet: install kubetel's"
            + " RBAC (the Helm chart or the OLM bundle ship it; the operator never creates it)");
  }

  /** The failure as the status may show it: the API server's own words stay in the log. */
  private static String forUsers(Exception e) {
    if (e instanceof ViewerBindings.ForeignBindingException
        || e instanceof ViewerBindings.RefusedException) {
      return e.getMessage();
    }
    if (e instanceof KubernetesClientException k) {
      return FailureText.kubernetes(k)
          + (k.getCode() == 401 || k.getCode() == 403
              ? ": the operator lacks RBAC permissions (see operator/README.md, permissions)"
              : "");
    }
    return FailureText.unexpected(e);
  }

  /**
   * The tenants an event about the shared ClusterRole concerns: with it gone ({@code current}
   * empty), every tenant with viewers (they lose access); with it there, those still reporting
   * {@value #ROLE_MISSING}.
   */
  static Set<ResourceID> wokenBy(
      Optional<ClusterRole> current, IndexedResourceCache<TelemetryTenant> all) {
    return all.list()
        .filter(t -> t.getSpec() != null)
        .filter(t -> current.isEmpty() ? hasViewers(t) : reportsRoleMissing(t))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static boolean hasViewers(TelemetryTenant tenant) {
    return tenant.getSpec().getViewers() != null && !tenant.getSpec().getViewers().isEmpty();
  }

  private static boolean reportsRoleMissing(TelemetryTenant tenant) {
    return tenant.getStatus() != null
        && ConditionSet.find(tenant.getStatus().getConditions(), ConditionTypes.READY)
            .map(c -> ROLE_MISSING.equals(c.getReason()))
            .orElse(false);
  }
}
