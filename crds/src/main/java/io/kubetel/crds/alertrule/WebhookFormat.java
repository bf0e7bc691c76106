package io.kubetel.crds.alertrule;

/** The body a webhook receiver gets: kubetel's JSON or Alertmanager's webhook payload. */
public enum WebhookFormat {
  Kubetel,
  Alertmanager
}
