package io.kubetel.operator.query;

import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryProblem;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a TelemetryQuery embedded in an AlertRule or Dashboard: the model's {@link QueryValidator}
 * (the same rules and limits the API server applies), then what only the operator knows — the query
 * stays in its object's namespace and uses only declared dashboard variables — and finally, through
 * the {@link QueryCatalog}, that the metric and attribute keys exist in the stored data.
 */
public final class QuerySpecChecker {

  private final CatalogLookup catalogs;

  /**
   * A checker; for namespaces without a catalog, existence of metrics and attributes is not
   * checked.
   */
  public QuerySpecChecker(CatalogLookup catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * Problems of {@code spec} evaluated in {@code namespace}; {@code variables} are dashboard
   * variable names usable as {@code $name} in filter values. Empty when the query is valid.
   *
   * @throws RuntimeException when the catalog cannot be consulted (storage unavailable)
   */
  public List<Problem> check(
      TelemetryQuerySpec spec, String namespace, String field, Set<String> variables) {
    List<Problem> out = new ArrayList<>();
    List<QueryFilter> filters =
        spec == null || spec.getFilters() == null ? List.of() : spec.getFilters();
    for (int i = 0; i < filters.size(); i++) {
      if (filters.get(i) != null) {
        scope(filters.get(i), namespace, field + ".filters[" + i + "]", variables, out);
      }
    }
    for (QueryProblem p : QueryValidator.check(spec, Instant.now())) {
      String at = p.field().isEmpty() ? field : field + "." + p.field();
      out.add(new Problem(p.reason(), at, p.message()));
    }
    if (!out.isEmpty()) {
      return out;
    }
    checkAgainstData(spec, namespace, field, out);
    return out;
  }

  /** The operator's own rules for a filter: declared variables, no other namespace. */
  private static void scope(
      QueryFilter f, String namespace, String field, Set<String> variables, List<Problem> out) {
    List<String> values = f.getValues() == null ? List.of() : f.getValues();
    for (String v : values) {
      if (v != null && v.startsWith("$") && !variables.contains(v.substring(1))) {
        out.add(
            new Problem(
                "UnknownVariable",
                field + ".values",
                "variable " + v + " is not declared in spec.variables"));
      }
    }
    if (FieldKeys.NAMESPACE.equals(f.getKey())
        && values.stream()
            .anyMatch(Predicate.not(v -> v == null || v.equals(namespace) || v.startsWith("$")))) {
      out.add(
          new Problem(
              "ForeignNamespace",
              field,
              "queries are scoped to namespace "
                  + namespace
                  + "; a namespace filter cannot name another namespace"));
    }
  }

  private void checkAgainstData(
      TelemetryQuerySpec spec, String namespace, String field, List<Problem> out) {
    Optional<QueryCatalog> catalog = catalogs.forNamespace(namespace);
    if (catalog.isEmpty()) {
      return;
    }
    QueryCatalog c = catalog.get();
    Optional<String> ns = Optional.of(namespace);
    Optional<String> metric = Optional.ofNullable(spec.getMetric()).filter(m -> !m.isBlank());
    if (spec.getSignal() == Signal.METRICS
        && metric.isPresent()
        && !c.metricExists(metric.get(), ns)) {
      out.add(
          new Problem(
              "UnknownMetric",
              field + ".metric",
              "no data for metric " + metric.get() + " in namespace " + namespace));
      return;
    }
    Set<String> keys = null;
    List<String> groupBy = spec.getGroupBy() == null ? List.of() : spec.getGroupBy();
    for (int i = 0; i < groupBy.size(); i++) {
      String key = groupBy.get(i);
      if (isBuiltIn(key)) {
        continue;
      }
      if (keys == null) {
        keys = c.attributeKeys(spec.getSignal(), metric, ns);
      }
      if (!keys.contains(key)) {
        out.add(
            new Problem(
                "UnknownAttribute",
                field + ".groupBy[" + i + "]",
                "no "
                    + spec.getSignal().name().toLowerCase(java.util.Locale.ROOT)
                    + " in namespace "
                    + namespace
                    + " carry attribute "
                    + key));
      }
    }
  }

  /** Keys the catalog does not list: well-known keys and resource attributes. */
  private static boolean isBuiltIn(String key) {
    return FieldKeys.WELL_KNOWN.contains(key) || key.startsWith(FieldKeys.RESOURCE_PREFIX);
  }
}
