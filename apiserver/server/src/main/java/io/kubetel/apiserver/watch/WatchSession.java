package io.kubetel.apiserver.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.StatusResponses;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open watch stream: a chunked response with one JSON event per line, fed by polling storage.
 *
 * <p>Each poll reads {@code [lastRv - grace, now)} (the first poll after a given resourceVersion
 * reads from exactly that RV, so nothing the client already listed is repeated), de-duplicates by
 * object name and change time, and sends ADDED for new objects and MODIFIED for objects that
 * existed before (metrics series with new points). Polls never overlap: the next one is scheduled
 * when the previous finished. The stream ends at the timeout, when the client goes away, or with an
 * ERROR event (410 Expired for a resourceVersion older than the horizon; storage failing three
 * polls in a row).
 *
 * <p>With {@link #sharedBy} the session polls alone only once (from its own resourceVersion), then
 * joins the {@link SharedWatchPolls} poll of its key and takes its later results from there,
 * keeping its own resourceVersion and de-duplication; it leaves the shared poll when it ends.
 */
public final class WatchSession {
  private static final Logger log = LoggerFactory.getLogger(WatchSession.class);
  private static final int MAX_SEEN = 100_000;
  private static final int MAX_FAILURES = 3;

  /**
   * A quiet stream writes a newline this often, so the connection's idle timeout (at least a
   * minute) never closes a healthy watch; JSON stream decoders skip whitespace between events.
   */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /** Timing knobs of a watch. */
  public record Timing(
      Duration pollInterval,
      Duration horizon,
      Duration latenessGrace,
      Duration initialWindow,
      Duration bookmarkInterval) {}

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final WorkerExecutor workers;
  private final Clock clock;
  private final Timing timing;
  private final WatchOptions options;
  private final WatchSource source;
  private final WatchEncoder encoder;
  private final Function<Throwable, ApiException> errors;
  private final ObjectMapper mapper;
  private final String resource;

  private final Map<String, Instant> seen =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX_SEEN;
        }
      };

  private Instant lastRv;
  private boolean firstPoll = true;
  private boolean firstObject = true;
  private boolean stopped;
  private int failures;
  private Instant lastSent;
  private Instant lastWritten;
  private long pollTimer = -1;
  private long deadlineTimer = -1;
  private SharedWatchPolls sharedPolls;
  private Object sharedKey;
  private SharedWatchPolls.Membership membership;
  private volatile Instant neededFrom;

  public WatchSession(
      Vertx vertx,
      HttpServerResponse response,
      WorkerExecutor workers,
      Clock clock,
      Timing timing,
      WatchOptions options,
      WatchSource source,
      WatchEncoder encoder,
      Function<Throwable, ApiException> errors,
      ObjectMapper mapper,
      String resource) {
    this.vertx = vertx;
    this.response = response;
    this.workers = workers;
    this.clock = clock;
    this.timing = timing;
    this.options = options;
    this.source = source;
    this.encoder = encoder;
    this.errors = errors;
    this.mapper = mapper;
    this.resource = resource;
  }

  /**
   * Ends the stream cleanly when the server shuts its connections down (SIGTERM), so a rollout is
   * not held up by open watches; clients such as kubectl and informers then re-watch another
   * replica.
   */
  public WatchSession endOnShutdown(HttpConnection connection) {
    if (connection != null) {
      connection.shutdownHandler(v -> end("server_shutdown"));
    }
    return this;
  }

  /**
   * Takes polls after the first from the shared poll of {@code key} (watches with equal keys read
   * the same data and differ only in their resourceVersion and encoding).
   */
  public WatchSession sharedBy(SharedWatchPolls polls, Object key) {
    this.sharedPolls = polls;
    this.sharedKey = key;
    return this;
  }

  /** Sends the response head and starts polling. Call on the request's event loop. */
  public void start() {
    Instant now = clock.instant();
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", encoder.contentType());
    response.putHeader("Cache-Control", "no-cache, private");
    response.closeHandler(v -> stop("client_closed"));
    response.exceptionHandler(e -> stop("connection_error"));
    response.writeHead();
    lastSent = now;
    lastWritten = now;
    deadlineTimer = vertx.setTimer(Math.max(1, options.timeout().toMillis()), id -> end("timeout"));
    if (options.since().isPresent()
        && options.since().get().isBefore(now.minus(timing.horizon()))) {
      sendError(
          new ApiException(
              410,
              "Expired",
              "too old resource version: "
                  + options.since().get().toEpochMilli()
                  + " (watches can start at most "
                  + timing.horizon().toMinutes()
                  + " minutes back; list again to get a current resourceVersion)"));
      return;
    }
    lastRv = options.since().orElse(now.minus(timing.initialWindow()));
    log.debug("event=watch_started resource={} since={}", resource, lastRv.toEpochMilli());
    poll();
  }

  private void poll() {
    pollTimer = -1;
    if (stopped || response.closed()) {
      return;
    }
    if (response.writeQueueFull()) {
      // A slow client: poll again only once it has drained what was sent.
      response.drainHandler(v -> poll());
      return;
    }
    Instant now = clock.instant();
    Instant from = firstPoll ? lastRv : lastRv.minus(timing.latenessGrace());
    if (!from.isBefore(now)) {
      schedule();
      return;
    }
    workers
        .executeBlocking(() -> source.poll(from, now), false)
        .onComplete(
            ar -> {
              if (stopped) {
                return;
              }
              if (ar.succeeded()) {
                failures = 0;
                deliver(ar.result(), from, now);
                if (sharedPolls != null && membership == null) {
                  join();
                } else {
                  schedule();
                }
              } else {
                onFailure(ar.cause());
              }
            });
  }

  private void join() {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    neededFrom = lastRv.minus(timing.latenessGrace());
    membership =
        sharedPolls.join(
            sharedKey,
            source,
            new SharedWatchPolls.Member() {
              @Override
              public Instant neededFrom() {
                return neededFrom;
              }

              @Override
              public void offer(
                  List<WatchItem> items, Instant from, Instant asOf, Throwable failure) {
                context.runOnContext(v -> onShared(items, from, asOf, failure));
              }
            });
  }

  /** A shared poll's result: delivered when it covers what this session still needs. */
  private void onShared(List<WatchItem> items, Instant readFrom, Instant asOf, Throwable failure) {
    if (stopped || response.closed()) {
      return;
    }
    if (failure != null) {
      onFailure(failure);
      return;
    }
    if (lastRv.isBefore(asOf.minus(timing.horizon()))) {
      // A client too slow to take events for the whole horizon: list again, as kube-apiserver
      // ends a watcher that fell too far behind.
      sendError(
          new ApiException(
              410,
              "Expired",
              "the watch fell too far behind; list again and watch from the new resourceVersion"));
      return;
    }
    Instant from = lastRv.minus(timing.latenessGrace());
    if (response.writeQueueFull() || readFrom.isAfter(from) || !asOf.isAfter(lastRv)) {
      return; // not covered (joined mid-read) or not drained yet: the next poll reads from `from`
    }
    failures = 0;
    deliver(items, from, asOf);
  }

  private void deliver(List<WatchItem> items, Instant from, Instant now) {
    Instant startRv = options.since().orElse(null);
    for (WatchItem item : items) {
      if (item.changedAt().isBefore(from)) {
        continue;
      }
      Instant previous = seen.get(item.name());
      if (previous != null && !item.changedAt().isAfter(previous)) {
        continue;
      }
      boolean existedBefore =
          previous != null || (startRv != null && item.createdAt().isBefore(startRv));
      seen.put(item.name(), item.changedAt());
      send(existedBefore ? "MODIFIED" : "ADDED", encoder.encode(item, firstObject));
      firstObject = false;
    }
    firstPoll = false;
    lastRv = now;
    neededFrom = now.minus(timing.latenessGrace());
    if (options.bookmarks()
        && !Duration.between(lastSent, now).minus(timing.bookmarkInterval()).isNegative()) {
      send("BOOKMARK", encoder.bookmark(Long.toString(now.toEpochMilli())));
    }
    if (!Duration.between(lastWritten, now).minus(KEEP_ALIVE).isNegative()
        && !response.ended()
        && !response.closed()) {
      response.write("\n");
      lastWritten = now;
    }
  }

  private void onFailure(Throwable cause) {
    ApiException e = errors.apply(cause);
    failures++;
    if (e.code() < 500 || failures >= MAX_FAILURES) {
      log.warn(
          "event=watch_failed resource={} code={} failures={} message=\"{}\"",
          resource,
          e.code(),
          failures,
          e.getMessage());
      sendError(e);
    } else {
      schedule();
    }
  }

  private void schedule() {
    if (!stopped && membership == null) {
      pollTimer = vertx.setTimer(Math.max(1, timing.pollInterval().toMillis()), id -> poll());
    }
  }

  private void send(String type, Object object) {
    if (stopped || response.ended() || response.closed()) {
      return;
    }
    String line;
    try {
      line = mapper.writeValueAsString(new WatchEvent(type, object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    response.write(line + "\n");
    lastSent = clock.instant();
    lastWritten = lastSent;
  }

  private void sendError(ApiException e) {
    send("ERROR", StatusResponses.typed(e));
    end("error");
  }

  private void end(String reason) {
    if (!stopped && !response.ended() && !response.closed()) {
      response.end();
    }
    stop(reason);
  }

  private void stop(String reason) {
    if (stopped) {
      return;
    }
    stopped = true;
    if (pollTimer >= 0) {
      vertx.cancelTimer(pollTimer);
    }
    if (deadlineTimer >= 0) {
      vertx.cancelTimer(deadlineTimer);
    }
    if (membership != null) {
      membership.leave();
    }
    log.debug("event=watch_ended resource={} reason={}", resource, reason);
  }
}
