package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;

/** One notification target of an AlertRule; exactly one of slack, pagerDuty or webhook. */
@ValidationRule(
    value =
        "(has(self.slack) ? 1 : 0) + (has(self.pagerDuty) ? 1 : 0) + (has(self.webhook) ? 1 : 0)"
            + " == 1",
    message = "exactly one of slack, pagerDuty or webhook must be set")
public class Receiver {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(CrdPatterns.DNS_LABEL)
  @JsonPropertyDescription("Name of the receiver, unique within the rule, e.g. oncall-pager.")
  private String name;

  @JsonPropertyDescription("Send to a Slack channel through an incoming webhook.")
  private SlackReceiver slack;

  @JsonPropertyDescription("Open PagerDuty incidents through the Events API v2.")
  private PagerDutyReceiver pagerDuty;

  @JsonPropertyDescription("POST a JSON notification to an HTTP endpoint.")
  private WebhookReceiver webhook;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SlackReceiver getSlack() {
    return slack;
  }

  public void setSlack(SlackReceiver slack) {
    this.slack = slack;
  }

  public PagerDutyReceiver getPagerDuty() {
    return pagerDuty;
  }

  public void setPagerDuty(PagerDutyReceiver pagerDuty) {
    this.pagerDuty = pagerDuty;
  }

  public WebhookReceiver getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookReceiver webhook) {
    this.webhook = webhook;
  }
}
