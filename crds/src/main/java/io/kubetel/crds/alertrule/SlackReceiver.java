package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.kubetel.crds.common.SecretKeyRef;

/** A Slack incoming-webhook receiver. */
public class SlackReceiver {

  @Required
  @JsonPropertyDescription("Secret key holding the Slack incoming-webhook URL.")
  private SecretKeyRef webhookUrlSecretRef;

  @Pattern("^[#@]?[a-z0-9_.-]{1,80}$")
  @JsonPropertyDescription(
      "Channel to post to (e.g. #shop-alerts); defaults to the webhook's own channel.")
  private String channel;

  public SecretKeyRef getWebhookUrlSecretRef() {
    return webhookUrlSecretRef;
  }

  public void setWebhookUrlSecretRef(SecretKeyRef webhookUrlSecretRef) {
    this.webhookUrlSecretRef = webhookUrlSecretRef;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }
}
