package io.kubetel.alerting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.kubetel.model.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP receiver on loopback that records every request (path, headers, body) and answers from a
 * script: status codes, a {@code Retry-After}, or a delay longer than the client's timeout.
 */
public final class RecordingReceiver implements AutoCloseable {
  /** One recorded request. */
  public record Request(String path, Map<String, String> headers, String body) {
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** One scripted answer. */
  public record Answer(int status, String retryAfter, long delayMillis) {
    public static Answer status(int status) {
      return new Answer(status, null, 0);
    }
  }

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final HttpServer server;

  public RecordingReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers = new java.util.HashMap<>();
          headers.put("x-arrived-millis", Long.toString(System.currentTimeMillis()));
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          requests.add(new Request(exchange.getRequestURI().getPath(), headers, body));
          Answer a = script.poll();
          if (a == null) {
            a = Answer.status(200);
          }
          if (a.delayMillis() > 0) {
            try {
              Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (a.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
          }
          byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
          try {
            exchange.sendResponseHeaders(a.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** Answers the next requests with these, then 200. */
  public RecordingReceiver then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Request> at(String path) {
    List<Request> out = new ArrayList<>();
    requests.forEach(
        r -> {
          if (r.path().equals(path)) {
            out.add(r);
          }
        });
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
