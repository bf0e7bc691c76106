package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRefBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesResourceMatcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's viewer RoleBindings as a JOSDK bulk dependent resource: exactly one binding per owned
 * namespace (none without viewers) to the shared ClusterRole {@value #CLUSTER_ROLE}, owned by the
 * tenant and labelled with its name; bindings in namespaces it no longer owns are deleted. JOSDK
 * watches the labelled bindings, so one deleted or edited by hand (subjects, labels, owner) wakes
 * its tenant and is restored at once.
 *
 * <p>Beyond JOSDK's defaults it knows RBAC: subjects must match exactly (an added subject is a
 * grant), a changed roleRef means delete and create (roleRef is immutable), and a binding of our
 * name that lost its labels (so the watch no longer sees it) is taken back instead of failing on
 * AlreadyExists. It only ever touches a binding that is provably its own ({@link #ownedBy}): never
 * one it merely finds by name or by labels.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ViewerBindings.MANAGED_SELECTOR))
public class ViewerBindings extends KubernetesDependentResource<RoleBinding, TelemetryTenant>
    implements CRUDKubernetesBulkDependentResource<RoleBinding, TelemetryTenant>,
        SecondaryToPrimaryMapper<RoleBinding> {
  private static final Logger log = LoggerFactory.getLogger(ViewerBindings.class);

  /** The shared read-only ClusterRole on the telemetry API group. */
  public static final String CLUSTER_ROLE = "kubetel-telemetry-viewer";

  /** Label carrying the owning tenant's name on every RoleBinding the operator manages. */
  public static final String TENANT_LABEL = "kubetel.io/tenant";

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String OPERATOR = "kubetel-operator";
  static final String TENANT_KIND = "TelemetryTenant";

  /** Label selector matching every RoleBinding this operator manages. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  /** Context key under which the reconciliation passes the namespaces the tenant owns. */
  private static final String OWNED_NAMESPACES = "kubetel.io/owned-namespaces";

  public ViewerBindings() {
    super(RoleBinding.class);
  }

  /** The name of a tenant's RoleBinding in each of its namespaces. */
  public static String bindingName(String tenant) {
    return "kubetel-viewer-" + tenant;
  }

  /**
   * Tells this dependent, for the current reconciliation, where the tenant's viewers get access.
   */
  static void grantIn(Context<TelemetryTenant> context, Set<String> namespaces) {
    context
        .managedWorkflowAndDependentResourceContext()
        .put(OWNED_NAMESPACES, Set.copyOf(namespaces));
  }

  @Override
  public Map<ResourceID, RoleBinding> desiredResources(
      TelemetryTenant tenant, Context<TelemetryTenant> context) {
    if (tenant.getSpec().getViewers() == null || tenant.getSpec().getViewers().isEmpty()) {
      return Map.of();
    }
    Set<?> namespaces =
        context
            .managedWorkflowAndDependentResourceContext()
            .getMandatory(OWNED_NAMESPACES, Set.class);
    return namespaces.stream()
        .map(ns -> desired(tenant, (String) ns))
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }

  /**
   * The tenant's bindings among the watched ones: only those that are provably the operator's for
   * this tenant ({@link #ownedBy}). JOSDK updates these and deletes those not desired; a binding
   * that merely carries the labels, under another name, is never touched.
   */
  @Override
  public Map<ResourceID, RoleBinding> getSecondaryResources(
      TelemetryTenant tenant, Context<TelemetryTenant> context) {
    return context
        .getSecondaryResourcesAsStream(RoleBinding.class)
        .filter(rb -> ownedBy(rb, tenant))
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }

  /**
   * Whether {@code rb} is the operator's binding for {@code tenant}: a controlling owner reference
   * to this tenant (same uid), or the tenant's binding name together with both of the operator's
   * labels. A binding found only by name, or only by labels, is someone else's.
   */
  static boolean ownedBy(RoleBinding rb, TelemetryTenant tenant) {
    String name = tenant.getMetadata().getName();
    String uid = tenant.getMetadata().getUid();
    List<OwnerReference> owners = rb.getMetadata().getOwnerReferences();
    boolean ownerReference =
        owners != null
            && owners.stream()
                .anyMatch(
                    o ->
                        Boolean.TRUE.equals(o.getController())
                            && TENANT_KIND.equals(o.getKind())
                            && name.equals(o.getName())
                            && (uid == null || uid.equals(o.getUid())));
    Map<String, String> labels = rb.getMetadata().getLabels();
    boolean labelAndName =
        bindingName(name).equals(rb.getMetadata().getName())
            && labels != null
            && OPERATOR.equals(labels.get(MANAGED_BY))
            && name.equals(labels.get(TENANT_LABEL));
    return ownerReference || labelAndName;
  }

  /** The tenant a watched binding wakes: see {@link #owningTenant}. */
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(RoleBinding rb) {
    return owningTenant(rb).map(tenant -> Set.of(new ResourceID(tenant))).orElse(Set.of());
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

  @Override
  protected void addReferenceHandlingMetadata(RoleBinding desired, TelemetryTenant tenant) {
    // desired() already sets the owner reference and the labels the watch maps back with.
  }

  /** Subjects and roleRef exactly as desired (an extra subject is an extra grant), and owned. */
  @Override
  public Result<RoleBinding> match(
      RoleBinding actual,
      RoleBinding desired,
      TelemetryTenant tenant,
      Context<TelemetryTenant> context) {
    boolean matches =
        GenericKubernetesResourceMatcher.match(desired, actual, false, true, context).matched()
            && actual.getMetadata().getOwnerReferences() != null
            && actual
                .getMetadata()
                .getOwnerReferences()
                .containsAll(desired.getMetadata().getOwnerReferences());
    return Result.computed(matches, desired);
  }

  @Override
  public RoleBinding create(
      RoleBinding desired, TelemetryTenant tenant, Context<TelemetryTenant> context) {
    try {
      RoleBinding created = super.create(desired, tenant, context);
      log(tenant, desired, "created");
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw RefusedException.orSame("create", desired, e);
      }
      // A binding of our name that the watch does not see (labels stripped by hand) is taken back
      // only if it is provably ours; one someone else made under our name is left alone.
      RoleBinding existing = context.getClient().resource(desired).get();
      if (existing == null) {
        throw e;
      }
      if (!ownedBy(existing, tenant)) {
        log.warn(
            "event=viewer_binding_foreign tenant={} namespace={} name={}",
            tenant.getMetadata().getName(),
            desired.getMetadata().getNamespace(),
            desired.getMetadata().getName());
        throw new ForeignBindingException(desired);
      }
      return update(existing, desired, tenant, context);
    }
  }

  @Override
  public RoleBinding update(
      RoleBinding actual,
      RoleBinding desired,
      TelemetryTenant tenant,
      Context<TelemetryTenant> context) {
    if (!Objects.equals(actual.getRoleRef(), desired.getRoleRef())) {
      // roleRef is immutable in Kubernetes: replace the binding.
      try {
        context.getClient().resource(actual).delete();
      } catch (KubernetesClientException e) {
        throw RefusedException.orSame("delete", actual, e);
      }
      RoleBinding replaced;
      try {
        replaced = super.create(desired, tenant, context);
      } catch (KubernetesClientException e) {
        throw RefusedException.orSame("create", desired, e);
      }
      log(tenant, desired, "replaced");
      return replaced;
    }
    // JOSDK's update merges labels and takes the rest from desired, but keeps the actual owners.
    RoleBinding owned =
        new RoleBindingBuilder(actual)
            .editMetadata()
            .withOwnerReferences(desired.getMetadata().getOwnerReferences())
            .endMetadata()
            .build();
    RoleBinding updated;
    try {
      updated = super.update(owned, desired, tenant, context);
    } catch (KubernetesClientException e) {
      throw RefusedException.orSame("update", desired, e);
    }
    log(tenant, desired, "restored");
    return updated;
  }

  @Override
  public void deleteTargetResource(
      TelemetryTenant tenant, RoleBinding rb, ResourceID key, Context<TelemetryTenant> context) {
    try {
      super.deleteTargetResource(tenant, rb, key, context);
    } catch (KubernetesClientException e) {
      throw RefusedException.orSame("delete", rb, e);
    }
    log(tenant, rb, "deleted");
  }

  private static void log(TelemetryTenant tenant, RoleBinding rb, String what) {
    log.info(
        "event=viewer_binding_{} tenant={} namespace={}",
        what,
        tenant.getMetadata().getName(),
        rb.getMetadata().getNamespace());
  }

  /**
   * A RoleBinding with the name the tenant's binding needs exists and is not the operator's: the
   * message (for the status) says which and what to do.
   */
  static final class ForeignBindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ForeignBindingException(RoleBinding desired) {
      super(
          "RoleBinding "
              + desired.getMetadata().getName()
              + " in namespace "
              + desired.getMetadata().getNamespace()
              + " exists and is not managed by kubetel (no owner reference to this tenant, not"
              + " labelled as the operator's): kubetel leaves it alone; rename or delete it, or"
              + " take the namespace out of the tenant",
          null,
          false,
          false);
    }
  }

  /**
   * The API server refused (401/403) one of the operator's writes of a viewer RoleBinding: the
   * message (for the status) says which write of which binding, and what the operator needs. The
   * API server's own wording (user, verb) stays in the log.
   */
  static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RefusedException(String verb, RoleBinding rb, KubernetesClientException cause) {
      super(
          verb
              + " of RoleBinding "
              + rb.getMetadata().getName()
              + " in namespace "
              + rb.getMetadata().getNamespace()
              + " was refused ("
              + FailureText.kubernetes(cause)
              + "): the operator needs "
              + verb
              + " on rolebindings there and bind on ClusterRole "
              + CLUSTER_ROLE
              + " (see operator/README.md, permissions)",
          cause,
          false,
          false);
    }

    /** {@code e} as a refusal of {@code verb} on {@code rb} if it is one (401/403), else itself. */
    static RuntimeException orSame(String verb, RoleBinding rb, KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN
          && e.getCode() != HttpURLConnection.HTTP_UNAUTHORIZED) {
        return e;
      }
      log.warn(
          "event=viewer_binding_refused verb={} namespace={} name={} code={} error={}",
          verb,
          rb.getMetadata().getNamespace(),
          rb.getMetadata().getName(),
          e.getCode(),
          ErrorText.describe(e));
      return new RefusedException(verb, rb, e);
    }
  }
}
