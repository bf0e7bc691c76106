package io.kubetel.apiserver.customresources;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.StatusResponses;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.watch.WatchEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;

/**
 * A watch on objects that do not change while the server runs (they are read from files at
 * startup): the requested initial events, then the stream is kept open, silent, until the timeout,
 * because kubectl and informers treat a closed stream as a reason to re-list at once. Ends early
 * when the client goes away or the server shuts down.
 */
final class StaticWatch {
  private final Vertx vertx;
  private final HttpServerResponse response;
  private long timer = -1;

  StaticWatch(Vertx vertx, HttpServerResponse response) {
    this.vertx = vertx;
    this.response = response;
  }

  /**
   * Sends {@code events} ({@link WatchEvent}s, one JSON line each), or the error as an ERROR event
   * and ends, then holds the stream until {@code timeout}.
   */
  void start(
      String contentType,
      List<WatchEvent> events,
      ApiException error,
      Duration timeout,
      HttpConnection connection) {
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", contentType);
    response.putHeader("Cache-Control", "no-cache, private");
    response.closeHandler(v -> cancel());
    response.exceptionHandler(e -> cancel());
    if (connection != null) {
      connection.shutdownHandler(v -> end());
    }
    response.writeHead();
    if (error != null) {
      write(new WatchEvent("ERROR", StatusResponses.typed(error)));
      end();
      return;
    }
    events.forEach(this::write);
    timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> end());
  }

  private void write(WatchEvent event) {
    if (!response.ended() && !response.closed()) {
      response.write(ApiJson.write(event) + "\n");
    }
  }

  private void end() {
    cancel();
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  private void cancel() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
