package io.kubetel.apiserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.audit.AuditHandler;
import io.kubetel.apiserver.health.BlockedThreadWatch;
import io.kubetel.apiserver.http.ApiRouter;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.http.RequestMetrics;
import io.kubetel.apiserver.limits.ProbeBodyLimit;
import io.kubetel.apiserver.limits.RequestBudgetHandler;
import io.kubetel.apiserver.limits.ServerLimits;
import io.kubetel.apiserver.limits.WatchLimiter;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.UserInfo;
import io.kubetel.model.store.TelemetryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A plain-HTTP Vert.x server that serves resource handlers through the production {@link ApiRouter}
 * (every request authenticated as a test user), plus a client to call it.
 */
public final class TestApiServer implements AutoCloseable {
  public static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public final Vertx vertx;
  public final WorkerExecutor workers;
  private final HttpServer server;
  private final WebClient client;
  private final HttpClient streaming;
  private final int port;
  private final BlockedThreadWatch blocked;

  /** The request meters of the router (in flight, durations). */
  public final RequestMetrics requestMetrics = new RequestMetrics(new SimpleMeterRegistry());

  public TestApiServer(Function<WorkerExecutor, List<ResourceHandler>> handlers) throws Exception {
    this(List.of(), handlers);
  }

  /** As above, with non-resource endpoint groups (discovery, OpenAPI, custom resources). */
  public TestApiServer(
      List<EndpointGroup> endpoints, Function<WorkerExecutor, List<ResourceHandler>> handlers)
      throws Exception {
    this(endpoints, handlers, null);
  }

  /**
   * As above, guarded as production guards requests (audit line, request budget, watch limits) by
   * {@code limits} when not null.
   */
  public TestApiServer(
      List<EndpointGroup> endpoints,
      Function<WorkerExecutor, List<ResourceHandler>> handlers,
      ServerLimits limits)
      throws Exception {
    // An event-loop task over 1 s fails the test at close(): handlers must hand blocking work to
    // the worker pool (issue 10).
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setBlockedThreadCheckInterval(200)
                .setMaxEventLoopExecuteTime(1)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
    blocked = BlockedThreadWatch.install(vertx, new SimpleMeterRegistry());
    workers = vertx.createSharedWorkerExecutor("kubetel-test-workers", 4);
    // The production router (routes, method checks, Status errors), with everyone authenticated.
    Authenticator everyone =
        credentials -> Optional.of(new UserInfo("tester", List.of("system:masters"), Map.of()));
    ApiRouter api = new ApiRouter(vertx, requestMetrics, List.of(everyone), 1 << 20);
    if (limits != null) {
      api.guardedBy(
          List.of(new AuditHandler(), new ProbeBodyLimit(limits.maxProbeBodyBytes())),
          List.of(
              new RequestBudgetHandler(
                  limits,
                  new WatchLimiter(limits.maxWatchesPerUser(), limits.maxWatches()),
                  Clock.systemUTC())));
    }
    Router router = api.build(endpoints, handlers.apply(workers));
    server = listen(vertx, router);
    port = server.actualPort();
    client = WebClient.create(vertx);
    // One connection per stream: a stream's close() closes its connection, which a keep-alive pool
    // could otherwise hand to the next stream while it is being closed ("Connection was closed").
    streaming = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  /** The loopback port the server listens on (plain HTTP). */
  public int port() {
    return port;
  }

  /** An HTTP server of {@code router} on a free loopback port, once it listens. */
  public static HttpServer listen(Vertx vertx, Router router) throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * A server of every telemetry resource over {@code store}, as production wires them, with a fresh
   * continue-token key.
   */
  public static TestApiServer serving(TelemetryStore store, Clock clock, ResourceSettings settings)
      throws Exception {
    return new TestApiServer(
        w -> TelemetryResources.create(store, w, clock, settings, ContinueKey.random()));
  }

  /** A response: status, headers and JSON body. */
  public record Reply(
      int status, String contentType, String retryAfter, JsonNode json, String body) {}

  public Reply get(String path, String accept) {
    return send(HttpMethod.GET, path, accept, null, null);
  }

  /** The object names (first table cell) a table GET of {@code path} lists; asserts a 200. */
  public List<String> names(String path) {
    Reply r = get(path, TABLE_ACCEPT);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("rows").forEach(row -> out.add(row.path("cells").get(0).asText()));
    return out;
  }

  public Reply post(String path, String body) {
    return send(HttpMethod.POST, path, "application/json", "application/json", body);
  }

  public Reply send(
      HttpMethod method, String path, String accept, String contentType, String body) {
    try {
      var req = client.request(method, port, "127.0.0.1", path);
      if (accept != null) {
        req.putHeader("Accept", accept);
      }
      if (contentType != null) {
        req.putHeader("Content-Type", contentType);
      }
      HttpResponse<Buffer> r =
          (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body)))
              .toCompletionStage()
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS);
      String text = r.bodyAsString();
      JsonNode json = null;
      if (text != null && !text.isEmpty()) {
        try {
          json = MAPPER.readTree(text);
        } catch (Exception e) {
          json = null;
        }
      }
      return new Reply(
          r.statusCode(), r.getHeader("Content-Type"), r.getHeader("Retry-After"), json, text);
    } catch (Exception e) {
      throw new AssertionError("request to " + path + " failed", e);
    }
  }

  /** An open streaming response; lines arrive in {@link #lines}. */
  public static final class Stream implements AutoCloseable {
    public final int status;
    public final String contentType;
    public final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    public volatile boolean ended;
    private final HttpClientResponse response;

    Stream(HttpClientResponse response) {
      this.response = response;
      this.status = response.statusCode();
      this.contentType = response.getHeader("Content-Type");
      StringBuilder partial = new StringBuilder();
      response.handler(
          buf -> {
            partial.append(buf.toString());
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
              lines.add(partial.substring(0, nl));
              partial.delete(0, nl + 1);
            }
          });
      response.endHandler(v -> ended = true);
    }

    /** The next event as JSON, or null when none arrives in time. */
    public JsonNode next(long seconds) throws Exception {
      String line = lines.poll(seconds, TimeUnit.SECONDS);
      return line == null ? null : MAPPER.readTree(line);
    }

    @Override
    public void close() {
      response.request().connection().close();
    }
  }

  public Stream stream(String path, String accept) {
    try {
      RequestOptions o =
          new RequestOptions()
              .setMethod(HttpMethod.GET)
              .setPort(port)
              .setHost("127.0.0.1")
              .setURI(path);
      if (accept != null) {
        o.putHeader("Accept", accept);
      }
      return streaming
          .request(o)
          .compose(req -> req.send())
          .map(Stream::new)
          .toCompletionStage()
          .toCompletableFuture()
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("stream " + path + " failed", e);
    }
  }

  /**
   * Closes Vert.x.
   *
   * @throws AssertionError when an event loop was blocked while the server ran
   */
  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    List<String> findings = blocked.eventLoopFindings();
    if (!findings.isEmpty()) {
      throw new AssertionError(
          "the event loop was blocked (blocking work belongs on the worker pool): " + findings);
    }
  }
}
