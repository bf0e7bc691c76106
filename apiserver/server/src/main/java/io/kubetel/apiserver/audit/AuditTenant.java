package io.kubetel.apiserver.audit;

import io.vertx.ext.web.RoutingContext;

/**
 * The tenant a request was served for, as the audit line reports it. Whatever resolves the tenant
 * of a request (the namespace → tenant index) calls {@link #set}; until then the audit line says
 * {@code tenant=-}.
 */
public final class AuditTenant {
  static final String KEY = "kubetel.auditTenant";

  private AuditTenant() {}

  /** Records the tenant (a TelemetryTenant name) that {@code context}'s request reads. */
  public static void set(RoutingContext context, String tenant) {
    context.put(KEY, tenant);
  }

  /** The tenant recorded for {@code context}, or null. */
  public static String get(RoutingContext context) {
    return context.get(KEY);
  }
}
