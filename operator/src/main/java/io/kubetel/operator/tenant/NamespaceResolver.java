package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.SelectorRequirement;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves the namespaces a tenant's spec selects among the namespaces that exist: the explicit
 * list plus every namespace whose labels match the selector. Namespaces being deleted are left out.
 */
public final class NamespaceResolver {

  private NamespaceResolver() {}

  /** The selected existing namespaces, sorted. */
  public static SortedSet<String> resolve(TelemetryTenantSpec spec, Collection<Namespace> all) {
    SortedSet<String> out = new TreeSet<>();
    if (spec == null) {
      return out;
    }
    for (Namespace ns : all) {
      if (ns.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String name = ns.getMetadata().getName();
      boolean explicit = spec.getNamespaces() != null && spec.getNamespaces().contains(name);
      if (explicit || matches(spec.getNamespaceSelector(), ns.getMetadata().getLabels())) {
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

  /** Whether {@code labels} satisfy the selector; a missing selector matches nothing. */
  static boolean matches(NamespaceSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    boolean hasLabels = selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty();
    boolean hasExpressions =
        selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty();
    if (!hasLabels && !hasExpressions) {
      // An empty selector would select every namespace; treat it as selecting none instead.
      return false;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    if (hasLabels) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(actual.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (hasExpressions) {
      for (SelectorRequirement r : selector.getMatchExpressions()) {
        String value = actual.get(r.getKey());
        boolean ok =
            switch (r.getOperator()) {
              case In -> value != null && r.getValues().contains(value);
              case NotIn -> value == null || !r.getValues().contains(value);
              case Exists -> actual.containsKey(r.getKey());
              case DoesNotExist -> !actual.containsKey(r.getKey());
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
