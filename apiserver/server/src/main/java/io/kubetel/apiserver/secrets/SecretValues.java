package io.kubetel.apiserver.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one value of a Kubernetes Secret object as JSON: {@code stringData} first, then base64
 * {@code data}. The one decoder for tenant credentials and alert receiver Secrets, so both accept
 * the same documents: strict base64, except that line breaks (values wrapped in YAML files) are
 * ignored. Values are never logged.
 */
public final class SecretValues {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s+");

  private SecretValues() {}

  /** The value of {@code key} in {@code secret}, or empty when absent or not base64. */
  public static Optional<String> value(JsonNode secret, String key) {
    JsonNode plain = secret.path("stringData").path(key);
    if (plain.isTextual()) {
      return Optional.of(plain.asText());
    }
    JsonNode encoded = secret.path("data").path(key);
    if (encoded.isTextual()) {
      try {
        return Optional.of(
            new String(
                Base64.getDecoder().decode(LINE_BREAKS.matcher(encoded.asText()).replaceAll("")),
                StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
