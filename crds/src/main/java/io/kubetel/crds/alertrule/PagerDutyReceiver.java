package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubetel.crds.common.SecretKeyRef;

/** A PagerDuty Events API v2 receiver. */
public class PagerDutyReceiver {

  @Required
  @JsonPropertyDescription("Secret key holding the PagerDuty integration (routing) key.")
  private SecretKeyRef routingKeySecretRef;

  @Pattern("^https?://[^\\s]+$")
  @Size(max = 2048)
  @JsonPropertyDescription(
      "Events API v2 endpoint; defaults to PagerDuty's public one. Set it for a proxy or a test"
          + " receiver.")
  private String url;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public SecretKeyRef getRoutingKeySecretRef() {
    return routingKeySecretRef;
  }

  public void setRoutingKeySecretRef(SecretKeyRef routingKeySecretRef) {
    this.routingKeySecretRef = routingKeySecretRef;
  }
}
