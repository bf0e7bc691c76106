package io.kubetel.crds.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A reference to one key of a Secret in the referring object's namespace. Credentials (webhook
 * URLs, routing keys, tokens) are only ever referenced this way, never written inline in a spec.
 */
public class SecretKeyRef {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(CrdPatterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription("Name of the Secret, in the same namespace as this object.")
  private String name;

  @Required
  @Size(min = 1, max = 253)
  @Pattern("^[-._a-zA-Z0-9]+$")
  @JsonPropertyDescription("Key within the Secret's data whose value is used.")
  private String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
