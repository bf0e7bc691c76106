package io.kubetel.operator.tenant;

import io.kubetel.operator.conditions.ConditionTypes;

/**
 * Thrown by a tenant reconciliation that recorded a failure worth retrying (storage, retention,
 * viewer bindings). It carries the status the reconciliation built, so that JOSDK's error handling
 * ({@code updateErrorStatus}) writes exactly that status and JOSDK's retry policy schedules the
 * next attempt.
 */
final class TenantNotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient TenantStatusDraft status;

  TenantNotReadyException(TenantStatusDraft status) {
    super(
        status
            .conditions()
            .get(ConditionTypes.READY)
            .map(c -> c.getReason() + ": " + c.getMessage())
            .orElse("not ready"),
        null,
        false,
        false);
    this.status = status;
  }

  TenantStatusDraft status() {
    return status;
  }
}
