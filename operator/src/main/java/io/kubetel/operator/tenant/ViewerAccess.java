package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer-access step of a tenant reconciliation: the shared read-only ClusterRole {@value
 * ViewerBindings#CLUSTER_ROLE}, then the tenant's {@link ViewerBindings} through JOSDK's workflow.
 * A refusal by the API server (e.g. the operator lacks RBAC permissions) comes back as a message
 * for the status (status code and what to do; the API server's wording goes to the log), not as an
 * exception; the reconciler retries it with the controller's backoff.
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
      ensureClusterRole(context.getClient());
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
   * is shared by all tenants, so it is no dependent of any one of them.
   */
  static void ensureClusterRole(KubernetesClient client) {
    ClusterRole desired = clusterRole();
    ClusterRole existing = client.rbac().clusterRoles().withName(ViewerBindings.CLUSTER_ROLE).get();
    if (existing == null) {
      client.rbac().clusterRoles().resource(desired).create();
    } else if (!Objects.equals(existing.getRules(), desired.getRules())) {
      existing.setRules(desired.getRules());
      client.rbac().clusterRoles().resource(existing).update();
    }
  }
}
