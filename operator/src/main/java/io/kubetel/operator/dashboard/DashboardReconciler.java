package io.kubetel.operator.dashboard;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.dashboard.DashboardStatus;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.validation.Revalidation;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Validates Dashboards and reports {@code Valid} (its message starts with the first bad panel) and
 * {@code Ready} conditions and the panel count, through the {@link Revalidation} it shares with
 * AlertRules. The status never copies panel content, so large dashboards stay far below etcd's
 * object size limit.
 */
@ControllerConfiguration(name = DashboardReconciler.NAME)
public class DashboardReconciler implements Reconciler<Dashboard> {

  public static final String NAME = "dashboard";

  private final DashboardValidator validator;
  private final Revalidation revalidation;

  public DashboardReconciler(
      DashboardValidator validator, EventRecorder events, Clock clock, Duration recheck) {
    this.validator = validator;
    this.revalidation = new Revalidation(events, clock, recheck);
  }

  @Override
  public UpdateControl<Dashboard> reconcile(Dashboard dashboard, Context<Dashboard> context) {
    revalidation.markIfNew(dashboard, dashboard.getStatus(), context);
    DashboardStatus before =
        dashboard.getStatus() == null ? new DashboardStatus() : dashboard.getStatus();
    int panels =
        dashboard.getSpec() == null || dashboard.getSpec().getPanels() == null
            ? 0
            : dashboard.getSpec().getPanels().size();
    Revalidation.Outcome outcome =
        dashboard.getSpec() == null
            ? revalidation.specMissing(dashboard, before.getConditions(), "the dashboard")
            : revalidation.run(
                dashboard,
                before.getConditions(),
                () -> validator.validate(dashboard),
                new Revalidation.Wording(
                    "the dashboard",
                    "the queries",
                    "all " + panels + " panel(s) are valid",
                    "the dashboard can be displayed"));
    DashboardStatus status = new DashboardStatus();
    status.setPanelCount(panels);
    status.setObservedGeneration(outcome.generation());
    status.setConditions(outcome.conditions());
    boolean changed =
        !Objects.equals(before.getPanelCount(), status.getPanelCount())
            || !Objects.equals(before.getObservedGeneration(), status.getObservedGeneration())
            || !Revalidation.sameConditions(before.getConditions(), status.getConditions());
    if (changed) {
      dashboard.setStatus(status);
    }
    return Revalidation.update(dashboard, changed, outcome.next());
  }
}
