package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.kubetel.crds.common.SecretKeyRef;

/** A PagerDuty Events API v2 receiver. */
public class PagerDutyReceiver {

  @Required
  @JsonPropertyDescription("Secret key holding the PagerDuty integration (routing) key.")
  private SecretKeyRef routingKeySecretRef;

  public SecretKeyRef getRoutingKeySecretRef() {
    return routingKeySecretRef;
  }

  public void setRoutingKeySecretRef(SecretKeyRef routingKeySecretRef) {
    this.routingKeySecretRef = routingKeySecretRef;
  }
}
