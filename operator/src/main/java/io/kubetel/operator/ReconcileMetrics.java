package io.kubetel.operator;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * JOSDK metrics on Micrometer: per controller (kind) and operation (reconcile, cleanup), how many
 * executions ran, how many failed, and how long they took.
 *
 * <ul>
 *   <li>{@code kubetel_operator_reconciliations_total{controller,operation,result}}
 *   <li>{@code kubetel_operator_reconcile_errors_total{controller,operation}}
 *   <li>{@code kubetel_operator_reconcile_duration_seconds{controller,operation}} (histogram)
 * </ul>
 */
public final class ReconcileMetrics implements Metrics {

  private final MeterRegistry registry;

  public ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    String controller = execution.controllerName();
    String operation = execution.name();
    Timer.Sample sample = Timer.start(registry);
    try {
      T result = execution.execute();
      count(controller, operation, "success");
      return result;
    } catch (Exception e) {
      count(controller, operation, "error");
      Counter.builder("kubetel.operator.reconcile.errors")
          .description("Reconciler executions that threw")
          .tag("controller", controller)
          .tag("operation", operation)
          .register(registry)
          .increment();
      throw e;
    } finally {
      sample.stop(
          Timer.builder("kubetel.operator.reconcile.duration")
              .description("Time spent in reconciler executions")
              .tag("controller", controller)
              .tag("operation", operation)
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  private void count(String controller, String operation, String result) {
    Counter.builder("kubetel.operator.reconciliations")
        .description("Reconciler executions")
        .tag("controller", controller)
        .tag("operation", operation)
        .tag("result", result)
        .register(registry)
        .increment();
  }
}
