package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.StatusResponses;
import io.kubetel.apiserver.limits.ConnectionCounter.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's connection hook: admits each new connection (after its TLS handshake) against
 * the per-client and total connection limits and gives it the slow-request deadline ({@link
 * RequestReadDeadline}). A connection over a limit is not counted; its first request is answered
 * with a Status (429 per client, with {@code Retry-After}; 503 in total) and the connection closed,
 * or it is closed after a short grace if no request comes. Connections whose client certificate is
 * the front proxy's ({@code frontProxy}: kube-apiserver's aggregator, through which every cluster
 * user arrives from a few addresses) count towards the total only.
 *
 * <p>Each event is one structured log line (rejections at most one line per second and limit, with
 * the number suppressed) and a counter in {@code /metrics}: {@code
 * kubetel_apiserver_connections_rejected_total{limit}}, {@code
 * kubetel_apiserver_connections_timed_out_total{phase}}, gauge {@code
 * kubetel_apiserver_connections_open}.
 */
public final class ConnectionGuard {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final String DECODER = "httpDecoder";
  private static final String ENCODER = "httpEncoder";
  private static final long REJECTED_GRACE_MILLIS = 2000;
  private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ConnectionLimits limits;
  private final Predicate<List<X509Certificate>> frontProxy;
  private final ConnectionCounter counter;
  private final MeterRegistry registry;
  private final AtomicLong lastRejectionLog =
      new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
  private final AtomicLong suppressed = new AtomicLong();

  /**
   * @param frontProxy whether a client certificate chain is the front proxy's (exempt from the
   *     per-client limit); a predicate that is always false counts every connection per client
   */
  public ConnectionGuard(
      ConnectionLimits limits,
      Predicate<List<X509Certificate>> frontProxy,
      MeterRegistry registry) {
    this.limits = limits;
    this.frontProxy = frontProxy;
    this.counter = new ConnectionCounter(limits.maxConnectionsPerClient(), limits.maxConnections());
    this.registry = registry;
    Gauge.builder("kubetel.apiserver.connections.open", counter, ConnectionCounter::open)
        .description("Open connections admitted by the connection limits")
        .register(registry);
  }

  /** Makes {@code server} pass every new connection through this guard. */
  public HttpServer install(HttpServer server) {
    return server.connectionHandler(this::admit);
  }

  private void admit(HttpConnection connection) {
    String client =
        connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
    boolean exempt = frontProxy.test(peerChain(connection));
    Admission admission = counter.tryAcquire(client, exempt);
    Optional<Channel> channel = channel(connection);
    if (admission != Admission.ADMITTED) {
      reject(connection, channel, client, admission);
      return;
    }
    if (channel.isEmpty()) {
      // Not the Netty-backed HTTP/1.1 connection this guard knows: count it, no deadline.
      connection.closeHandler(v -> counter.release(client, exempt));
      return;
    }
    channel.get().closeFuture().addListener(f -> counter.release(client, exempt));
    RequestReadDeadline deadline =
        new RequestReadDeadline(limits.requestReadTimeout(), phase -> timedOut(client, phase));
    ChannelPipeline pipeline = channel.get().pipeline();
    if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
      return;
    }
    pipeline.addAfter(ENCODER, "kubetelRequestDecoded", deadline.decoded);
    pipeline.addBefore(DECODER, "kubetelRequestBytes", deadline.rawBytes);
  }

  private void timedOut(String client, RequestReadDeadline.Phase phase) {
    String name = phase == RequestReadDeadline.Phase.HEAD ? "head" : "body";
    Counter.builder("kubetel.apiserver.connections.timed.out")
        .description("Connections closed because a request head or body arrived too slowly")
        .tag("phase", name)
        .register(registry)
        .increment();
    log.warn(
        "event=connection_timed_out phase={} client={} timeout={}s flag=--request-read-timeout",
        name,
        client,
        limits.requestReadTimeout().toSeconds());
  }

  private void reject(
      HttpConnection connection, Optional<Channel> channel, String client, Admission admission) {
    boolean perClient = admission == Admission.PER_CLIENT;
    String limit = perClient ? "per_client" : "total";
    Counter.builder("kubetel.apiserver.connections.rejected")
        .description("Connections refused by --max-connections-per-client or --max-connections")
        .tag("limit", limit)
        .register(registry)
        .increment();
    logRejection(limit, client, perClient ? counter.open(client) : counter.open());
    if (channel.isEmpty() || channel.get().pipeline().get(ENCODER) == null) {
      connection.close();
      return;
    }
    ApiException error =
        perClient
            ? ApiException.tooManyRequests(
                "too many connections from "
                    + client
                    + " (--max-connections-per-client "
                    + limits.maxConnectionsPerClient()
                    + "); reuse connections or close idle ones",
                1)
            : ApiException.unavailable(
                "the server has too many open connections (--max-connections "
                    + limits.maxConnections()
                    + "); try again later");
    Channel ch = channel.get();
    ch.pipeline().addAfter(ENCODER, "kubetelRejected", new AnswerAndClose(error));
    ch.eventLoop().schedule(() -> ch.close(), REJECTED_GRACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void logRejection(String limit, String client, int open) {
    long now = System.nanoTime();
    long last = lastRejectionLog.get();
    if (now - last < LOG_INTERVAL_NANOS || !lastRejectionLog.compareAndSet(last, now)) {
      suppressed.incrementAndGet();
      return;
    }
    log.warn(
        "event=connection_rejected limit={} client={} open={} max_per_client={} max={}"
            + " suppressed_since_last={}",
        limit,
        client,
        open,
        limits.maxConnectionsPerClient(),
        limits.maxConnections(),
        suppressed.getAndSet(0));
  }

  private static List<X509Certificate> peerChain(HttpConnection connection) {
    List<X509Certificate> chain = new ArrayList<>();
    if (!connection.isSsl()) {
      return chain;
    }
    try {
      for (Certificate certificate : connection.peerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
    } catch (SSLPeerUnverifiedException e) {
      chain.clear(); // no client certificate
    }
    return chain;
  }

  /**
   * The Netty channel under {@code connection}: Vert.x 5 exposes it only on its connection
   * implementation, so anything else gets no pipeline handlers (the limits still count it).
   */
  private static Optional<Channel> channel(HttpConnection connection) {
    return connection instanceof ConnectionBase base
        ? Optional.of(base.channel())
        : Optional.empty();
  }

  /** Answers the first request of a rejected connection with a Status, then closes it. */
  private static final class AnswerAndClose extends ChannelDuplexHandler {
    private final ApiException error;
    private boolean answered;

    AnswerAndClose(ApiException error) {
      this.error = error;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      try {
        if (message instanceof HttpRequest && !answered) {
          answered = true;
          context.writeAndFlush(response()).addListener(ChannelFutureListener.CLOSE);
        }
      } finally {
        ReferenceCountUtil.release(message); // never reaches the server's handlers
      }
    }

    private FullHttpResponse response() {
      byte[] body = StatusResponses.json(error).getBytes(StandardCharsets.UTF_8);
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(error.code()),
              Unpooled.wrappedBuffer(body));
      response.headers().set("Content-Type", "application/json");
      response.headers().set("Content-Length", body.length);
      response.headers().set("Connection", "close");
      if (error.retryAfterSeconds() != null) {
        response.headers().set("Retry-After", error.retryAfterSeconds());
      }
      return response;
    }
  }
}
