package io.kubetel.operator.tenant.identity;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CredentialsSecrets} through the Kubernetes API: get, create and delete of Secrets in one
 * namespace (the operator's RBAC needs exactly these there). The operator's Secrets carry the
 * labels {@code app.kubernetes.io/managed-by=kubetel-operator} and {@code kubetel.io/tenant} and an
 * owner reference to the (cluster-scoped) tenant, so Kubernetes collects them with it too.
 */
public record KubernetesCredentialsSecrets(KubernetesClient client, String namespace)
    implements CredentialsSecrets {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String OPERATOR = "kubetel-operator";
  static final String TENANT = "kubetel.io/tenant";

  @Override
  public Optional<Credentials> read(String name, String tenant) {
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials(value(s, "username"), value(s, "password"), ours(s, tenant)));
  }

  @Override
  public void create(String name, String tenant, String uid, String username, String password) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(Map.of(MANAGED_BY, OPERATOR, TENANT, tenant))
                .addNewOwnerReference()
                .withApiVersion(new TelemetryTenant().getApiVersion())
                .withKind("TelemetryTenant")
                .withName(tenant)
                .withUid(uid)
                .endOwnerReference()
                .endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withStringData(Map.of("username", username, "password", password))
                .build())
        .create();
  }

  @Override
  public void deleteIfOurs(String name, String tenant) {
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    if (s != null && ours(s, tenant)) {
      client.secrets().inNamespace(namespace).withName(name).delete();
    }
  }

  private static boolean ours(Secret s, String tenant) {
    Map<String, String> labels = s.getMetadata().getLabels();
    return labels != null
        && OPERATOR.equals(labels.get(MANAGED_BY))
        && tenant.equals(labels.get(TENANT));
  }

  private static String value(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return s.getStringData().get(key);
    }
    if (s.getData() != null && s.getData().containsKey(key)) {
      return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
    return "";
  }
}
