package io.kubetel.apiserver.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.kubetel.model.store.TelemetryStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store per tenant scope (database, credentials, quotas), opened on first use and kept in a
 * bounded cache; namespaces of no tenant use the server's own store. A store that leaves the cache
 * (evicted, unused for 30 minutes, or its tenant changed) is closed after a grace period, so reads
 * still running on it finish first.
 */
public final class TenantStores implements AutoCloseable {
  /**
   * Opens the store a scope's reads run on (the composition root builds its ClickHouse settings).
   */
  @FunctionalInterface
  public interface Opener {
    TelemetryStore open(TenantScope scope);
  }

  private static final Logger log = LoggerFactory.getLogger(TenantStores.class);

  private final TelemetryStore untenanted;
  private final Opener opener;
  private final Cache<TenantScope, TelemetryStore> stores;
  private final ScheduledExecutorService closer;
  private final Duration closeGrace;

  /**
   * @param untenanted the server's own store (not closed here)
   * @param opener opens a tenant's store
   * @param maxStores most tenant stores kept open
   * @param closeGrace how long a store leaving the cache stays open for the reads using it
   */
  public TenantStores(
      TelemetryStore untenanted, Opener opener, long maxStores, Duration closeGrace) {
    this.untenanted = untenanted;
    this.opener = opener;
    this.closeGrace = closeGrace;
    this.closer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kubetel-tenant-store-closer");
              t.setDaemon(true);
              return t;
            });
    this.stores =
        Caffeine.newBuilder()
            .maximumSize(maxStores)
            // A tenant whose quotas or Secret changed gets a new scope: free the old one's client.
            .expireAfterAccess(Duration.ofMinutes(30))
            .removalListener(
                (TenantScope scope, TelemetryStore store, RemovalCause cause) -> retire(store))
            .build();
  }

  /** The store {@code scope}'s reads run on. */
  public TelemetryStore storeFor(TenantScope scope) {
    if (scope.tenant().isEmpty()) {
      return untenanted;
    }
    return stores.get(
        scope,
        s -> {
          log.info(
              "event=tenant_store_opened tenant={} database={} user={}",
              s.tenantLabel(),
              s.database().orElse(""),
              s.credentials().map(ClickHouseCredentials::user).orElse("<server>"));
          return opener.open(s);
        });
  }

  /** How many tenant stores are open. */
  public long openStores() {
    stores.cleanUp();
    return stores.estimatedSize();
  }

  private void retire(TelemetryStore store) {
    if (store == null) {
      return;
    }
    try {
      closer.schedule(store::close, closeGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      store.close();
    }
  }

  @Override
  public void close() {
    closer.shutdownNow();
    stores.asMap().values().forEach(TelemetryStore::close);
    stores.asMap().clear();
  }
}
