package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.kubetel.crds.common.SecretKeyRef;

/** A generic HTTP webhook receiver. */
public class WebhookReceiver {

  @Required
  @JsonPropertyDescription(
      "Secret key holding the endpoint URL (it often embeds a token, so it is a secret).")
  private SecretKeyRef urlSecretRef;

  @JsonPropertyDescription(
      "Secret key holding the value of the Authorization header, e.g. 'Bearer <token>'. Optional.")
  private SecretKeyRef authorizationSecretRef;

  public SecretKeyRef getUrlSecretRef() {
    return urlSecretRef;
  }

  public void setUrlSecretRef(SecretKeyRef urlSecretRef) {
    this.urlSecretRef = urlSecretRef;
  }

  public SecretKeyRef getAuthorizationSecretRef() {
    return authorizationSecretRef;
  }

  public void setAuthorizationSecretRef(SecretKeyRef authorizationSecretRef) {
    this.authorizationSecretRef = authorizationSecretRef;
  }
}
