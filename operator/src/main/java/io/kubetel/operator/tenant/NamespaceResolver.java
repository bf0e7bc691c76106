package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.SelectorRequirement;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.model.labels.LabelOperator;
import io.kubetel.model.labels.LabelRequirement;
import io.kubetel.model.labels.LabelSelector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves the namespaces a tenant's spec selects among the namespaces that exist: the explicit
 * list plus every namespace whose labels match the selector, except the system namespaces {@link
 * NamespaceSafety} keeps from selectors. Namespaces being deleted are left out.
 */
public final class NamespaceResolver {

  private NamespaceResolver() {}

  /** The selected existing namespaces, sorted, protecting only {@code kube-*}. */
  public static SortedSet<String> resolve(TelemetryTenantSpec spec, Collection<Namespace> all) {
    return resolve(spec, all, NamespaceSafety.KUBE_ONLY);
  }

  /**
   * The selected existing namespaces, sorted: every listed one, and every one the selector matches
   * that {@code safety} lets a selector claim.
   */
  public static SortedSet<String> resolve(
      TelemetryTenantSpec spec, Collection<Namespace> all, NamespaceSafety safety) {
    SortedSet<String> out = new TreeSet<>();
    if (spec == null) {
      return out;
    }
    Optional<LabelSelector> selector = toLabelSelector(spec.getNamespaceSelector());
    for (Namespace ns : all) {
      if (ns.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String name = ns.getMetadata().getName();
      boolean explicit = spec.getNamespaces() != null && spec.getNamespaces().contains(name);
      Map<String, String> labels =
          ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
      if (explicit
          || (safety.selectable(name) && selector.map(s -> s.matches(labels)).orElse(false))) {
        out.add(name);
      }
    }
    return out;
  }

  /** The explicitly listed namespaces that do not exist (yet). */
  public static SortedSet<String> missing(TelemetryTenantSpec spec, Collection<Namespace> all) {
    SortedSet<String> out = new TreeSet<>();
    if (spec != null && spec.getNamespaces() != null) {
      out.addAll(spec.getNamespaces());
    }
    all.forEach(ns -> out.remove(ns.getMetadata().getName()));
    return out;
  }

  /**
   * The selector as the model's label selector, matched with Kubernetes {@code
   * metav1.LabelSelector} semantics; empty (matching nothing) when it is missing or has no
   * requirement.
   */
  static Optional<LabelSelector> toLabelSelector(NamespaceSelector selector) {
    if (selector == null) {
      return Optional.empty();
    }
    List<LabelRequirement> requirements = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector
          .getMatchLabels()
          .forEach(
              (k, v) ->
                  requirements.add(new LabelRequirement(k, LabelOperator.EQUALS, List.of(v))));
    }
    if (selector.getMatchExpressions() != null) {
      for (SelectorRequirement r : selector.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        LabelOperator op =
            switch (r.getOperator()) {
              case In -> LabelOperator.IN;
              case NotIn -> LabelOperator.NOT_IN;
              case Exists -> LabelOperator.EXISTS;
              case DoesNotExist -> LabelOperator.NOT_EXISTS;
            };
        requirements.add(new LabelRequirement(r.getKey(), op, values));
      }
    }
    // An empty selector would select every namespace; a tenant must name what it isolates.
    return requirements.isEmpty() ? Optional.empty() : Optional.of(new LabelSelector(requirements));
  }
}
