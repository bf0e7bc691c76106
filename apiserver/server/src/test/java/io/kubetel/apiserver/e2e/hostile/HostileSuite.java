package io.kubetel.apiserver.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the hostile-input matrix against a server and judges every answer: never a 5xx (nor a
 * dropped connection), an error is always a Status whose message says something, and a success
 * never holds a row outside namespace {@code shop} — nor any row at all where the hostile value
 * could only select (no stored telemetry carries such a value).
 */
public final class HostileSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome: how many requests were sent and what went wrong. */
  public record Outcome(int requests, List<String> violations) {}

  private HostileSuite() {}

  /** Sends every request to {@code baseUrl} with {@code client}; never throws for a bad answer. */
  public static Outcome run(HttpClient client, String baseUrl, List<HostileRequest> requests)
      throws InterruptedException {
    List<String> violations = new ArrayList<>();
    for (HostileRequest r : requests) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(baseUrl + r.path()))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json");
      if (r.body() != null) {
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(r.body()));
      }
      try {
        HttpResponse<String> response =
            client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String problem = judge(r, response.statusCode(), response.body());
        if (problem != null) {
          violations.add(r.describe() + " → " + problem);
        }
      } catch (IOException e) {
        violations.add(r.describe() + " → no HTTP answer: " + e);
      }
    }
    return new Outcome(requests.size(), violations);
  }

  /** What is wrong with this answer, or null. */
  static String judge(HostileRequest r, int code, String body) {
    if (code >= 500) {
      return code + " " + abbreviate(body);
    }
    if (code == 429) {
      // A rate-limited request never reached the parsers this suite is about.
      return "429: rate-limited before reaching the handlers: " + abbreviate(body);
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      return code + " with a body that is not JSON: " + abbreviate(body);
    }
    if (code >= 300) {
      boolean status =
          "Status".equals(json.path("kind").asText())
              && json.path("code").asInt() == code
              && !json.path("message").asText().isBlank();
      return status ? null : code + " without a Status with a message: " + abbreviate(body);
    }
    if (json.has("items")) {
      for (JsonNode item : json.get("items")) {
        String ns = item.path("metadata").path("namespace").asText();
        if (!"shop".equals(ns)) {
          return "a row of namespace " + ns + " outside the caller's scope";
        }
      }
      if (r.expectNothing() && !json.get("items").isEmpty()) {
        return json.get("items").size() + " rows for a value no telemetry has";
      }
      return null;
    }
    if ("TelemetryQuery".equals(json.path("kind").asText())) {
      JsonNode series = json.path("status").path("series");
      if (r.expectNothing() && series.size() > 0) {
        return series.size() + " result series for a value no telemetry has";
      }
      return null;
    }
    // A single object (get): a hostile name or namespace must never find one.
    String ns = json.path("metadata").path("namespace").asText();
    if (!"shop".equals(ns)) {
      return "an object of namespace " + ns + " outside the caller's scope";
    }
    return r.expectNothing() ? "an object for a name no telemetry has" : null;
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.replace('\n', ' ');
    return b.length() > 300 ? b.substring(0, 300) + "…" : b;
  }
}
