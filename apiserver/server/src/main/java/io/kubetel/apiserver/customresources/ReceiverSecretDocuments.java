package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Secrets of a custom-resources directory that alert receivers may read: {@code v1} Secrets
 * labelled {@code kubetel.io/alert-receivers=true}, the same rule as the operator's. Values are
 * read by {@link io.kubetel.apiserver.secrets.SecretValues}; they are never logged or served.
 */
public final class ReceiverSecretDocuments {
  /** The label (and value) a Secret needs. */
  public static final String LABEL = "kubetel.io/alert-receivers";

  private ReceiverSecretDocuments() {}

  static boolean isReceiverSecret(JsonNode document) {
    return "v1".equals(document.path("apiVersion").asText())
        && "Secret".equals(document.path("kind").asText())
        && "true".equals(document.path("metadata").path("labels").path(LABEL).asText());
  }

  static ObjectNode withNamespace(ObjectNode secret) {
    ObjectNode copy = secret.deepCopy();
    JsonNode meta = copy.path("metadata");
    if (meta.isObject() && meta.path("namespace").asText("").isEmpty()) {
      ((ObjectNode) meta).put("namespace", "default");
    }
    return copy;
  }
}
