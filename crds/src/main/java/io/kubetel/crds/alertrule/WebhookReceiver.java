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

  @JsonPropertyDescription(
      "Secret key holding a shared secret: requests then carry X-Kubetel-Timestamp and"
          + " X-Kubetel-Signature (sha256=HMAC-SHA256 of timestamp + '.' + body). Optional.")
  private SecretKeyRef signingSecretRef;

  @JsonPropertyDescription(
      "Body format: Kubetel (kubetel's JSON, the default) or Alertmanager (Alertmanager's webhook"
          + " payload, version 4, for receivers built for it).")
  private WebhookFormat format;

  public SecretKeyRef getSigningSecretRef() {
    return signingSecretRef;
  }

  public void setSigningSecretRef(SecretKeyRef signingSecretRef) {
    this.signingSecretRef = signingSecretRef;
  }

  public WebhookFormat getFormat() {
    return format;
  }

  public void setFormat(WebhookFormat format) {
    this.format = format;
  }

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
