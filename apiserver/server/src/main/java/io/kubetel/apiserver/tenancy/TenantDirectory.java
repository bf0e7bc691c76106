package io.kubetel.apiserver.tenancy;

import io.kubetel.apiserver.http.ApiException;
import java.util.Objects;

/**
 * Holds the current {@link TenantIndex}: the informers (cluster) or the files (standalone) replace
 * it whole, requests read it without locking. Until the informers' first list arrives there is no
 * index and data requests get a 503 (without Retry-After): serving a tenant's namespace from the
 * default database meanwhile would show the wrong data.
 */
public final class TenantDirectory {
  private volatile TenantIndex index;

  /** A directory with no index yet (cluster mode, before the informers synced). */
  public TenantDirectory() {}

  public TenantDirectory(TenantIndex initial) {
    this.index = Objects.requireNonNull(initial, "initial");
  }

  /** The current index; a 503 before the first one. */
  public TenantIndex current() {
    TenantIndex current = index;
    if (current == null) {
      throw ApiException.unavailable(
          "the API server has not read the TelemetryTenants yet; try again in a few seconds");
    }
    return current;
  }

  public void update(TenantIndex next) {
    index = Objects.requireNonNull(next, "next");
  }
}
