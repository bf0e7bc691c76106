package io.kubetel.operator.dashboard;

import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.dashboard.DashboardSpec;
import io.kubetel.crds.dashboard.DashboardVariable;
import io.kubetel.crds.dashboard.Panel;
import io.kubetel.operator.query.DurationProblems;
import io.kubetel.operator.query.Problem;
import io.kubetel.operator.query.QuerySpecChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a Dashboard beyond its schema: the time settings, and each panel's query against the
 * stored data with the dashboard's variables. Problems name the panel (index and title).
 */
public final class DashboardValidator {

  private final QuerySpecChecker queries;

  public DashboardValidator(QuerySpecChecker queries) {
    this.queries = queries;
  }

  /** All problems in spec order (so the first one names the first bad panel). */
  public List<Problem> validate(Dashboard dashboard) {
    DashboardSpec spec = dashboard.getSpec();
    List<Problem> out = new ArrayList<>();
    if (spec == null) {
      out.add(new Problem("MissingSpec", "spec", "spec is required"));
      return out;
    }
    DurationProblems.check(spec.getTimeRange(), "spec.timeRange", true, out);
    DurationProblems.check(spec.getRefreshInterval(), "spec.refreshInterval", false, out);
    List<DashboardVariable> vars = spec.getVariables() == null ? List.of() : spec.getVariables();
    Set<String> names = vars.stream().map(DashboardVariable::getName).collect(Collectors.toSet());
    List<Panel> panels = spec.getPanels() == null ? List.of() : spec.getPanels();
    for (int i = 0; i < panels.size(); i++) {
      Panel p = panels.get(i);
      String prefix = "spec.panels[" + i + "] \"" + p.getTitle() + "\"";
      for (Problem problem :
          queries.check(p.getQuery(), dashboard.getMetadata().getNamespace(), "query", names)) {
        out.add(problem.under(prefix));
      }
    }
    return out;
  }
}
