package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The Secrets of a custom-resources directory that alert receivers may read: {@code v1} Secrets
 * labelled {@code kubetel.io/alert-receivers=true}, the same rule as the operator's. Values come
 * from {@code stringData} or base64 {@code data}; they are never logged or served.
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

  /** The value of {@code key} in {@code secret}: stringData first, then decoded data. */
  public static Optional<String> value(JsonNode secret, String key) {
    JsonNode plain = secret.path("stringData").path(key);
    if (plain.isTextual()) {
      return Optional.of(plain.asText());
    }
    JsonNode encoded = secret.path("data").path(key);
    if (encoded.isTextual()) {
      try {
        return Optional.of(
            new String(Base64.getMimeDecoder().decode(encoded.asText()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
