package io.kubetel.operator.tenant;

import java.util.Optional;

/**
 * Namespaces a tenant's label selector never claims: Kubernetes' own ({@code kube-*}: kube-system,
 * kube-public, kube-node-lease) and the namespace the operator runs in. A selector such as {@code
 * Exists} on {@code kubernetes.io/metadata.name} matches every namespace; giving a tenant (and its
 * viewers) kube-system that way is never what was meant. Listing such a namespace by name in {@code
 * spec.namespaces} still claims it: that is a deliberate choice.
 *
 * @param operatorNamespace the namespace the operator runs in, when known
 */
public record NamespaceSafety(Optional<String> operatorNamespace) {

  /** Only {@code kube-*} is protected (the operator's namespace is unknown). */
  public static final NamespaceSafety KUBE_ONLY = new NamespaceSafety(Optional.empty());

  public NamespaceSafety {
    operatorNamespace = operatorNamespace.filter(ns -> !ns.isBlank());
  }

  /** Protection of {@code kube-*} and {@code operatorNamespace} (null or blank: unknown). */
  public static NamespaceSafety protecting(String operatorNamespace) {
    return new NamespaceSafety(Optional.ofNullable(operatorNamespace));
  }

  /** Whether a selector may claim {@code namespace}. */
  public boolean selectable(String namespace) {
    return !namespace.startsWith("kube-")
        && !operatorNamespace.map(namespace::equals).orElse(false);
  }
}
