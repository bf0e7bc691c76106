package io.kubetel.alerting.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.alerting.rule.ReceiverTarget;
import io.kubetel.alerting.rule.SecretRef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a notification for one receiver into its HTTP request (URL and keys from Secrets, body in
 * the receiver's format, idempotency and signature headers) and sends it.
 */
public final class ReceiverSender {
  /** Header carrying the notification id: equal on every retry and on a repeat after a crash. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpDelivery http;
  private final SecretResolver secrets;
  private final Clock clock;

  public ReceiverSender(HttpDelivery http, SecretResolver secrets, Clock clock) {
    this.http = http;
    this.secrets = secrets;
    this.clock = clock;
  }

  public DeliveryResult send(Notification n, ReceiverTarget target) {
    String ns = n.rule().namespace();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(IDEMPOTENCY_HEADER, n.id());
    String what = "rule=" + n.rule().key() + " receiver=" + target.name() + " id=" + n.id();
    try {
      if (target instanceof ReceiverTarget.Slack s) {
        return http.post(
            secret(ns, s.webhookUrl()),
            Payloads.slack(n, s.channel()).toString(),
            headers,
            HttpDelivery.Signer.NONE,
            what);
      }
      if (target instanceof ReceiverTarget.PagerDuty p) {
        ObjectNode body = Payloads.pagerDuty(n, secret(ns, p.routingKey()));
        return http.post(
            p.endpointOrDefault(), body.toString(), headers, HttpDelivery.Signer.NONE, what);
      }
      ReceiverTarget.Webhook w = (ReceiverTarget.Webhook) target;
      if (w.authorization().isPresent()) {
        headers.put("Authorization", secret(ns, w.authorization().get()));
      }
      HttpDelivery.Signer signer =
          w.signingSecret().isPresent()
              ? new HmacSigner(secret(ns, w.signingSecret().get()), clock)
              : HttpDelivery.Signer.NONE;
      ObjectNode body =
          w.format() == ReceiverTarget.WebhookFormat.Alertmanager
              ? Payloads.alertmanager(n)
              : Payloads.kubetel(n);
      return http.post(secret(ns, w.url()), body.toString(), headers, signer, what);
    } catch (MissingSecretException e) {
      return new DeliveryResult(DeliveryResult.Outcome.REJECTED, 0, e.getMessage());
    }
  }

  private String secret(String namespace, SecretRef ref) {
    Optional<String> v = secrets.value(namespace, ref);
    if (v.isEmpty() || v.get().isBlank()) {
      throw new MissingSecretException(
          "Secret "
              + namespace
              + "/"
              + ref.name()
              + " has no key "
              + ref.key()
              + " (or is not labelled kubetel.io/alert-receivers=true)");
    }
    return v.get().trim();
  }

  private static final class MissingSecretException extends RuntimeException {
    MissingSecretException(String message) {
      super(message, null, false, false);
    }
  }
}
