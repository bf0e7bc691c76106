package io.kubetel.operator.dashboard;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.dashboard.DashboardStatus;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.query.ValidationConditions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates Dashboards and reports {@code Valid} (its message starts with the first bad panel) and
 * {@code Ready} conditions and the panel count. The status never copies panel content, so large
 * dashboards stay far below etcd's object size limit.
 */
@ControllerConfiguration(name = DashboardReconciler.NAME)
public class DashboardReconciler implements Reconciler<Dashboard> {
  private static final Logger log = LoggerFactory.getLogger(DashboardReconciler.class);

  public static final String NAME = "dashboard";

  private final DashboardValidator validator;
  private final EventRecorder events;
  private final Clock clock;
  private final Duration recheck;

  public DashboardReconciler(
      DashboardValidator validator, EventRecorder events, Clock clock, Duration recheck) {
    this.validator = validator;
    this.events = events;
    this.clock = clock;
    this.recheck = recheck;
  }

  @Override
  public UpdateControl<Dashboard> reconcile(Dashboard dashboard, Context<Dashboard> context) {
    long generation =
        dashboard.getMetadata().getGeneration() == null
            ? 0
            : dashboard.getMetadata().getGeneration();
    DashboardStatus before =
        dashboard.getStatus() == null ? new DashboardStatus() : dashboard.getStatus();
    ConditionSet conditions = ConditionSet.from(before.getConditions(), generation, clock);
    Duration next = recheck;
    int panels =
        dashboard.getSpec() == null || dashboard.getSpec().getPanels() == null
            ? 0
            : dashboard.getSpec().getPanels().size();
    try {
      ValidationConditions.apply(
          conditions,
          validator.validate(dashboard),
          "the dashboard",
          "all " + panels + " panel(s) are valid",
          "the dashboard can be displayed");
    } catch (RuntimeException e) {
      // The data catalog (ClickHouse) could not be read: say so and check again soon.
      ValidationConditions.catalogUnavailable(
          conditions, "cannot check the queries against stored data: " + e.getMessage());
      next = Duration.ofSeconds(30);
      log.warn(
          "event=dashboard_catalog_failed namespace={} name={} error={}",
          dashboard.getMetadata().getNamespace(),
          dashboard.getMetadata().getName(),
          e.getMessage());
    }
    ValidationConditions.announce(conditions, events, dashboard);
    DashboardStatus status = new DashboardStatus();
    status.setPanelCount(panels);
    status.setObservedGeneration(generation);
    status.setConditions(conditions.toList());
    if (Objects.equals(before.getPanelCount(), status.getPanelCount())
        && Objects.equals(before.getObservedGeneration(), status.getObservedGeneration())
        && ValidationConditions.render(before.getConditions())
            .equals(ValidationConditions.render(status.getConditions()))) {
      return UpdateControl.<Dashboard>noUpdate().rescheduleAfter(next);
    }
    dashboard.setStatus(status);
    return UpdateControl.patchStatus(dashboard).rescheduleAfter(next);
  }
}
