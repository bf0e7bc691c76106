package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRefBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants a tenant's viewers read access to its telemetry: one RoleBinding per owned namespace to
 * the shared ClusterRole {@value #CLUSTER_ROLE}, owned by the tenant (garbage-collected with it)
 * and labelled with its name, and removed from namespaces the tenant no longer owns. The labels
 * ({@value #TENANT_LABEL}, {@value #MANAGED_BY}) also let the reconciler watch the bindings, so one
 * deleted or edited by hand is restored at once.
 */
public final class ViewerBindings {
  private static final Logger log = LoggerFactory.getLogger(ViewerBindings.class);

  /** The shared read-only ClusterRole on the telemetry API group. */
  public static final String CLUSTER_ROLE = "kubetel-telemetry-viewer";

  /** Label carrying the owning tenant's name on every RoleBinding the operator manages. */
  public static final String TENANT_LABEL = "kubetel.io/tenant";

  static final String TELEMETRY_GROUP = "telemetry.kubetel.io";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String OPERATOR = "kubetel-operator";
  static final String TENANT_KIND = "TelemetryTenant";

  /** Label selector matching every RoleBinding (and ClusterRole) this operator manages. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private final KubernetesClient client;

  public ViewerBindings(KubernetesClient client) {
    this.client = client;
  }

  /** The name of a tenant's RoleBinding in each of its namespaces. */
  public static String bindingName(String tenant) {
    return "kubetel-viewer-" + tenant;
  }

  /** The shared ClusterRole: get/list/watch on every telemetry.kubetel.io resource. */
  public static ClusterRole clusterRole() {
    return new ClusterRoleBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(CLUSTER_ROLE)
                .withLabels(Map.of(MANAGED_BY, OPERATOR))
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
   * Creates or updates the shared ClusterRole (the Helm chart ships it too; this is idempotent).
   */
  public void ensureClusterRole() {
    ClusterRole desired = clusterRole();
    ClusterRole existing = client.rbac().clusterRoles().withName(CLUSTER_ROLE).get();
    if (existing == null) {
      client.rbac().clusterRoles().resource(desired).create();
    } else if (!Objects.equals(existing.getRules(), desired.getRules())) {
      existing.setRules(desired.getRules());
      client.rbac().clusterRoles().resource(existing).update();
    }
  }

  /**
   * The tenant a managed RoleBinding belongs to: its tenant label, else its controlling owner
   * reference to a TelemetryTenant; empty for a binding that names neither.
   */
  static Optional<String> owningTenant(RoleBinding rb) {
    Map<String, String> labels = rb.getMetadata().getLabels();
    String label = labels == null ? null : labels.get(TENANT_LABEL);
    if (label != null && !label.isBlank()) {
      return Optional.of(label);
    }
    List<OwnerReference> owners = rb.getMetadata().getOwnerReferences();
    return owners == null
        ? Optional.empty()
        : owners.stream()
            .filter(o -> Boolean.TRUE.equals(o.getController()))
            .filter(o -> TENANT_KIND.equals(o.getKind()))
            .map(OwnerReference::getName)
            .findFirst();
  }

  /** The RoleBinding the tenant should have in {@code namespace}. */
  static RoleBinding desired(TelemetryTenant tenant, String namespace) {
    String name = tenant.getMetadata().getName();
    List<Subject> subjects =
        tenant.getSpec().getViewers().stream().map(ViewerBindings::toRbac).toList();
    return new RoleBindingBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(bindingName(name))
                .withNamespace(namespace)
                .withLabels(Map.of(TENANT_LABEL, name, MANAGED_BY, OPERATOR))
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion(tenant.getApiVersion())
                        .withKind(tenant.getKind())
                        .withName(name)
                        .withUid(tenant.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(false)
                        .build())
                .build())
        .withRoleRef(
            new RoleRefBuilder()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(CLUSTER_ROLE)
                .build())
        .withSubjects(subjects)
        .build();
  }

  private static Subject toRbac(io.kubetel.crds.tenant.Subject s) {
    SubjectBuilder b = new SubjectBuilder().withKind(s.getKind().name()).withName(s.getName());
    if (s.getKind() == SubjectKind.ServiceAccount) {
      b.withNamespace(s.getNamespace());
    } else {
      b.withApiGroup("rbac.authorization.k8s.io");
    }
    return b.build();
  }

  /**
   * Grants the tenant's viewers access in exactly {@code namespaces}: the shared ClusterRole, then
   * the bindings. A refusal by the API server (e.g. the operator lacks RBAC permissions) comes back
   * as a message for the status instead of an exception.
   *
   * @return why access could not be granted, or empty when it was
   */
  public Optional<String> grant(TelemetryTenant tenant, Set<String> namespaces) {
    try {
      ensureClusterRole();
      sync(tenant, namespaces);
      return Optional.empty();
    } catch (KubernetesClientException e) {
      log.warn(
          "event=viewer_bindings_failed tenant={} error={}",
          tenant.getMetadata().getName(),
          ErrorText.describe(e));
      return Optional.of("cannot manage viewer RoleBindings: " + ErrorText.describe(e));
    }
  }

  /**
   * Makes the tenant's RoleBindings exactly one per namespace in {@code namespaces} (none when it
   * has no viewers).
   *
   * @return how many bindings were created, updated or deleted
   */
  public int sync(TelemetryTenant tenant, Set<String> namespaces) {
    String name = tenant.getMetadata().getName();
    boolean wanted =
        tenant.getSpec().getViewers() != null && !tenant.getSpec().getViewers().isEmpty();
    int changes = 0;
    List<RoleBinding> existing =
        client
            .rbac()
            .roleBindings()
            .inAnyNamespace()
            .withLabel(TENANT_LABEL, name)
            .list()
            .getItems();
    for (RoleBinding rb : existing) {
      if (!wanted || !namespaces.contains(rb.getMetadata().getNamespace())) {
        client
            .rbac()
            .roleBindings()
            .inNamespace(rb.getMetadata().getNamespace())
            .resource(rb)
            .delete();
        log.info(
            "event=viewer_binding_deleted tenant={} namespace={}",
            name,
            rb.getMetadata().getNamespace());
        changes++;
      }
    }
    if (!wanted) {
      return changes;
    }
    for (String ns : namespaces) {
      RoleBinding want = desired(tenant, ns);
      RoleBinding have =
          existing.stream()
              .filter(rb -> ns.equals(rb.getMetadata().getNamespace()))
              .filter(rb -> want.getMetadata().getName().equals(rb.getMetadata().getName()))
              .findFirst()
              .orElse(null);
      if (have == null) {
        // A binding of that name without the tenant label had its labels stripped by hand (or was
        // made by someone else under our name): take it back rather than fail on AlreadyExists.
        have =
            client
                .rbac()
                .roleBindings()
                .inNamespace(ns)
                .withName(want.getMetadata().getName())
                .get();
        if (have == null) {
          client.rbac().roleBindings().inNamespace(ns).resource(want).create();
          log.info("event=viewer_binding_created tenant={} namespace={}", name, ns);
          changes++;
          continue;
        }
      }
      if (!Objects.equals(have.getRoleRef(), want.getRoleRef())) {
        // roleRef is immutable in Kubernetes: replace the binding when it differs.
        client.rbac().roleBindings().inNamespace(ns).resource(have).delete();
        client.rbac().roleBindings().inNamespace(ns).resource(want).create();
        log.info("event=viewer_binding_replaced tenant={} namespace={}", name, ns);
        changes++;
      } else if (!Objects.equals(have.getSubjects(), want.getSubjects())
          || !hasOurLabelsAndOwner(have, want)) {
        client
            .rbac()
            .roleBindings()
            .inNamespace(ns)
            .withName(want.getMetadata().getName())
            .edit(rb -> restore(rb, want));
        log.info("event=viewer_binding_restored tenant={} namespace={}", name, ns);
        changes++;
      }
    }
    return changes;
  }

  private static boolean hasOurLabelsAndOwner(RoleBinding have, RoleBinding want) {
    Map<String, String> labels = have.getMetadata().getLabels();
    List<OwnerReference> owners = have.getMetadata().getOwnerReferences();
    return labels != null
        && labels.entrySet().containsAll(want.getMetadata().getLabels().entrySet())
        && owners != null
        && owners.containsAll(want.getMetadata().getOwnerReferences());
  }

  /** {@code have} with the wanted subjects, our labels and the tenant as controlling owner. */
  private static RoleBinding restore(RoleBinding have, RoleBinding want) {
    Map<String, String> labels = new HashMap<>();
    if (have.getMetadata().getLabels() != null) {
      labels.putAll(have.getMetadata().getLabels());
    }
    labels.putAll(want.getMetadata().getLabels());
    return new RoleBindingBuilder(have)
        .editMetadata()
        .withLabels(labels)
        .withOwnerReferences(want.getMetadata().getOwnerReferences())
        .endMetadata()
        .withSubjects(want.getSubjects())
        .build();
  }

  /** Deletes every RoleBinding of the tenant (on tenant deletion; owner references do it too). */
  public void deleteAll(String tenant) {
    client.rbac().roleBindings().inAnyNamespace().withLabel(TENANT_LABEL, tenant).delete();
  }
}
