package io.kubetel.alerting.rule;

import java.util.Optional;

/** One receiver of an AlertRule: where its notifications go, secrets by reference only. */
public sealed interface ReceiverTarget {

  /** The receiver's name, unique within the rule. */
  String name();

  /** A Slack incoming webhook. */
  record Slack(String name, SecretRef webhookUrl, Optional<String> channel)
      implements ReceiverTarget {}

  /** PagerDuty Events API v2; {@code endpoint} is overridable for tests and proxies. */
  record PagerDuty(String name, SecretRef routingKey, Optional<String> endpoint)
      implements ReceiverTarget {
    /** The public Events API v2 endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://events.pagerduty.com/v2/enqueue";

    public String endpointOrDefault() {
      return endpoint.orElse(DEFAULT_ENDPOINT);
    }
  }

  /** A generic JSON webhook, optionally HMAC-signed and optionally in Alertmanager's shape. */
  record Webhook(
      String name,
      SecretRef url,
      Optional<SecretRef> authorization,
      Optional<SecretRef> signingSecret,
      WebhookFormat format)
      implements ReceiverTarget {}

  /** The body a webhook receives. */
  enum WebhookFormat {
    /** kubetel's own JSON (documented in alerting/README.md). */
    Kubetel,
    /** Alertmanager's webhook payload (version 4), so existing receivers work unchanged. */
    Alertmanager
  }
}
