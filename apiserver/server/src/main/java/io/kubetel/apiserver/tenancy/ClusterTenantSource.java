package io.kubetel.apiserver.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubetel.model.json.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's tenants: informers on the TelemetryTenants and on the Secrets of the tenant
 * credentials namespace; every change rebuilds the {@link TenantIndex} from the informers' caches
 * (never a lookup per request). The server's service account needs get/list/watch on {@code
 * telemetrytenants.kubetel.io} and on Secrets in that one namespace.
 */
public final class ClusterTenantSource implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterTenantSource.class);

  /** The TelemetryTenant resource, spelled out so the informer needs no API discovery. */
  public static final ResourceDefinitionContext TENANTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubetel.io")
          .withVersion("v1alpha1")
          .withPlural("telemetrytenants")
          .withKind("TelemetryTenant")
          .withNamespaced(false)
          .build();

  private final KubernetesClient client;
  private final String secretsNamespace;
  private final TenantDirectory directory;
  private final TenantScope untenanted;
  private final TenantQuotas defaults;
  private SharedIndexInformer<GenericKubernetesResource> tenants;
  private SharedIndexInformer<Secret> secrets;

  public ClusterTenantSource(
      KubernetesClient client,
      String secretsNamespace,
      TenantDirectory directory,
      TenantScope untenanted,
      TenantQuotas defaults) {
    this.client = client;
    this.secretsNamespace = secretsNamespace;
    this.directory = directory;
    this.untenanted = untenanted;
    this.defaults = defaults;
  }

  /**
   * Starts both informers and waits up to {@code syncTimeout} for their first lists; until then
   * (e.g. the CRD is not installed yet) data requests get a 503 and the informers keep trying.
   */
  public void start(Duration syncTimeout) {
    secrets = client.secrets().inNamespace(secretsNamespace).runnableInformer(0);
    secrets.addEventHandler(onChange());
    tenants = client.genericKubernetesResources(TENANTS).runnableInformer(0);
    tenants.addEventHandler(onChange());
    try {
      CompletableFuture.allOf(
              secrets.start().toCompletableFuture(), tenants.start().toCompletableFuture())
          .get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
      rebuild();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn(
          "event=tenant_informer_not_synced error={} message=\"data requests answer 503 until the"
              + " TelemetryTenants can be listed\"",
          e.getClass().getSimpleName());
    }
  }

  private <T> ResourceEventHandler<T> onChange() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        rebuild();
      }

      @Override
      public void onUpdate(T before, T after) {
        rebuild();
      }

      @Override
      public void onDelete(T obj, boolean unknownState) {
        rebuild();
      }
    };
  }

  /** Rebuilds the index once both informers have listed. */
  synchronized void rebuild() {
    if (tenants == null || secrets == null || !tenants.hasSynced() || !secrets.hasSynced()) {
      return;
    }
    Map<String, ClickHouseCredentials> credentials = new HashMap<>();
    for (Secret secret : secrets.getStore().list()) {
      JsonNode json = Json.mapper().valueToTree(secret);
      TenantSecrets.credentials(json)
          .ifPresent(c -> credentials.put(secret.getMetadata().getName(), c));
    }
    List<TenantDefinition> definitions =
        tenants.getStore().list().stream()
            .map(t -> TenantDefinition.fromObject(Json.mapper().valueToTree(t)))
            .toList();
    TenantIndex index = TenantIndex.build(definitions, credentials, untenanted, defaults);
    directory.update(index);
    log.info(
        "event=tenant_index_rebuilt tenants={} credentials={}",
        index.tenantCount(),
        credentials.size());
  }

  @Override
  public void close() {
    if (tenants != null) {
      tenants.close();
    }
    if (secrets != null) {
      secrets.close();
    }
  }
}
