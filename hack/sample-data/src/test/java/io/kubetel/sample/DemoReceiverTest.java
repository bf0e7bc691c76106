package io.kubetel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The demo's alert receiver (loopback HTTP in this JVM): every POST is answered 200 and printed as
 * one line with its path, idempotency key and body, newlines folded, which is what {@code tail -f
 * .demo/receiver.log} shows.
 */
class DemoReceiverTest {
  @Test
  void everyNotificationIsAnsweredAndPrintedOnOneLine() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    HttpServer server =
        DemoReceiverMain.start(0, new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> slack =
          client.send(
              HttpRequest.newBuilder(base.resolve("/slack"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"checkout\nfiring\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> webhook =
          client.send(
              HttpRequest.newBuilder(base.resolve("/webhook"))
                  .header("Idempotency-Key", "rule-1-fired-42")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(slack.statusCode()).isEqualTo(200);
      assertThat(webhook.statusCode()).isEqualTo(200);
      assertThat(webhook.body()).isEqualTo("{\"status\":\"ok\"}");
      String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0])
          .contains("receiver=/slack idempotency_key=- body={\"text\":\"checkout firing\"}");
      assertThat(lines[1]).contains("receiver=/webhook idempotency_key=rule-1-fired-42 body={}");
    } finally {
      server.stop(0);
    }
  }
}
