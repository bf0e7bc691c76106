package io.kubetel.apiserver.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.customresources.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone mode's tenants: the {@code kubetel.io/v1alpha1} TelemetryTenants and the {@code v1}
 * Secrets (their ClickHouse credentials) in the YAML files of {@code --custom-resources-dir}, read
 * once at startup. There is no operator, so a tenant's namespaces are {@code spec.namespaces} (a
 * namespace selector needs Namespace objects, which standalone mode has not) and its database is
 * {@code spec.database}, unless the file carries a status. A tenant without a database is skipped
 * (logged); an invalid database name stops the start.
 */
public final class TenantFiles {
  private static final Logger log = LoggerFactory.getLogger(TenantFiles.class);

  private TenantFiles() {}

  /** The index of the tenants below {@code directory}. */
  public static TenantIndex load(Path directory, TenantScope untenanted, TenantQuotas defaults)
      throws IOException {
    List<TenantDefinition> tenants = new ArrayList<>();
    Map<String, ClickHouseCredentials> secrets = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      List<JsonNode> documents;
      try (InputStream in = Files.newInputStream(file)) {
        documents = YamlDocuments.read(in);
      } catch (IOException e) {
        continue; // CustomResourceLoader reports unreadable files with their location
      }
      for (JsonNode document : documents) {
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        if ("kubetel.io/v1alpha1".equals(apiVersion) && "TelemetryTenant".equals(kind)) {
          TenantDefinition tenant = checked(TenantDefinition.fromObject(document), file);
          if (tenant.database().isPresent()) {
            tenants.add(tenant);
          }
        } else if ("v1".equals(apiVersion) && "Secret".equals(kind)) {
          TenantSecrets.credentials(document)
              .ifPresent(c -> secrets.put(document.path("metadata").path("name").asText(), c));
        }
      }
    }
    TenantIndex index = TenantIndex.build(tenants, secrets, untenanted, defaults);
    log.info(
        "event=tenants_loaded tenants={} secrets={} dir={}",
        tenants.size(),
        secrets.size(),
        directory);
    return index;
  }

  private static TenantDefinition checked(TenantDefinition tenant, Path file) {
    if (tenant.name().isEmpty()) {
      throw new IllegalArgumentException(file + ": a TelemetryTenant has no metadata.name");
    }
    if (tenant.database().isEmpty()) {
      // The operator would derive and provision one; standalone mode has none. Such a tenant
      // (e.g. the examples' "shop", served as is by the demo) routes nothing.
      log.warn(
          "event=tenant_skipped file=\"{}\" tenant={} reason=\"no spec.database: standalone mode"
              + " has no operator to provision one; its namespaces read the default database\"",
          file,
          tenant.name());
      return tenant;
    }
    if (!TenantSecrets.validDatabase(tenant.database().get())) {
      // The CRD would refuse it: a file with it is a mistake worth stopping for.
      throw new IllegalArgumentException(
          file
              + ": TelemetryTenant \""
              + tenant.name()
              + "\": spec.database \""
              + tenant.database().get()
              + "\" is not a valid ClickHouse database name");
    }
    return tenant;
  }
}
