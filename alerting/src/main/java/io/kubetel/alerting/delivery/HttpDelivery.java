package io.kubetel.alerting.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one JSON body with retries: 2xx is sent; 408, 425, 429 and 5xx, timeouts and connection
 * errors are retried per {@link RetryPolicy} (honouring {@code Retry-After} in seconds); other 4xx
 * are permanent. Each attempt carries the same headers, idempotency key included.
 */
public final class HttpDelivery {
  private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);

  private final HttpClient client;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  public HttpDelivery(Duration timeout, RetryPolicy retry, Sleeper sleeper) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.retry = retry;
    this.sleeper = sleeper;
  }

  /**
   * Sends {@code body} to {@code url}; {@code headers} are added to every attempt ({@code signer}
   * may compute per-attempt headers such as a signature over a fresh timestamp).
   *
   * @param what receiver and notification id for logs (never the URL: it may hold a token)
   */
  public DeliveryResult post(
      String url, String body, Map<String, String> headers, Signer signer, String what) {
    URI uri;
    try {
      uri = URI.create(url);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        return new DeliveryResult(
            DeliveryResult.Outcome.REJECTED, 0, "the receiver URL is not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      return new DeliveryResult(DeliveryResult.Outcome.REJECTED, 0, "the receiver URL is invalid");
    }
    String last = "";
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "kubetel-alerting")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      signer.sign(body).forEach(request::header);
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<String> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          log.info("event=alert_delivered {} attempt={} status={}", what, attempt, status);
          return new DeliveryResult(DeliveryResult.Outcome.SENT, attempt, "HTTP " + status);
        }
        last = "HTTP " + status;
        if (!retryable(status)) {
          log.warn("event=alert_delivery_rejected {} attempt={} status={}", what, attempt, status);
          return new DeliveryResult(
              DeliveryResult.Outcome.REJECTED,
              attempt,
              "the receiver answered HTTP " + status + " (not retried)");
        }
        retryAfter = retryAfter(response);
      } catch (HttpTimeoutException e) {
        last = "timed out after " + timeout.toMillis() + " ms";
      } catch (IOException e) {
        last = "connection failed: " + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeliveryResult(DeliveryResult.Outcome.RETRY_LATER, attempt, "interrupted");
      }
      log.warn("event=alert_delivery_retry {} attempt={} reason=\"{}\"", what, attempt, last);
      if (attempt < retry.maxAttempts()) {
        try {
          sleeper.sleep(retry.backoff(attempt, retryAfter));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new DeliveryResult(DeliveryResult.Outcome.RETRY_LATER, attempt, "interrupted");
        }
      }
    }
    return new DeliveryResult(
        DeliveryResult.Outcome.RETRY_LATER,
        retry.maxAttempts(),
        "gave up after " + retry.maxAttempts() + " attempts: " + last);
  }

  private static boolean retryable(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
              } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own backoff
              }
            });
  }

  /** Extra headers computed per attempt from the body. */
  @FunctionalInterface
  public interface Signer {
    Map<String, String> sign(String body);

    Signer NONE = body -> Map.of();
  }
}
