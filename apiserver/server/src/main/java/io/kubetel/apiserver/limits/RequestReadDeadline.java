package io.kubetel.apiserver.limits;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The slow-request (slowloris) deadline of one HTTP/1.1 connection: a request head must be complete
 * within the read timeout of its start — the TLS handshake for the first request, its first byte
 * for later ones on a kept-alive connection — and its body within the read timeout of the head.
 * Past either the connection is closed, however many bytes keep trickling in (an idle timeout
 * restarts on every byte, so it cannot catch this). A kept-alive connection waiting for its next
 * request is left to the idle timeout.
 *
 * <p>Vert.x has no hook per received byte, so the deadline lives in the connection's Netty pipeline
 * as two small handlers sharing this state: {@link #rawBytes} before the HTTP decoder (bytes
 * arrive: a head starts) and {@link #decoded} after the encoder (decoded heads and body ends
 * arrive; responses leave). Everything runs on the connection's event loop; the timer is the event
 * loop's own scheduler, so nothing blocks and nothing needs a lock.
 */
final class RequestReadDeadline {
  /** What the connection is waiting for. */
  enum Phase {
    /** Between requests: the idle timeout applies. */
    IDLE,
    /** Bytes of a head arrived (or the connection is new); the head is not complete. */
    HEAD,
    /** The head is complete, the body is not. */
    BODY
  }

  /** Told when a deadline closes the connection. */
  interface Expiry {
    void expired(Phase phase);
  }

  private final long timeoutNanos;
  private final Expiry expiry;
  private ChannelHandlerContext rawContext;
  private ScheduledFuture<?> timer;
  private Phase phase = Phase.HEAD;
  private int openResponses;
  private boolean closed;

  RequestReadDeadline(Duration timeout, Expiry expiry) {
    this.timeoutNanos = timeout.toNanos();
    this.expiry = expiry;
  }

  /** The handler placed before the HTTP decoder: raw (decrypted) bytes. */
  final ChannelInboundHandlerAdapter rawBytes =
      new ChannelInboundHandlerAdapter() {
        @Override
        public void handlerAdded(ChannelHandlerContext context) {
          rawContext = context;
          arm(); // the first head is due within the timeout of the handshake
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
          if (phase == Phase.IDLE && message instanceof ByteBuf bytes && bytes.isReadable()) {
            phase = Phase.HEAD;
            arm();
          }
          context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
          closed = true;
          disarm();
          context.fireChannelInactive();
        }
      };

  /** The handler placed after the HTTP encoder: decoded requests in, responses out. */
  final ChannelDuplexHandler decoded =
      new ChannelDuplexHandler() {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
          if (message instanceof HttpRequest) {
            openResponses++;
            phase = Phase.BODY;
            arm();
          }
          if (message instanceof LastHttpContent) {
            phase = Phase.IDLE;
            disarm();
          }
          context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
          if (message instanceof LastHttpContent && openResponses > 0) {
            openResponses--;
          }
          context.write(message, promise);
        }
      };

  /** What the connection waits for now (tests). */
  Phase phase() {
    return phase;
  }

  private void arm() {
    disarm();
    if (closed || rawContext == null) {
      return;
    }
    timer = rawContext.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire() {
    timer = null;
    if (closed || phase == Phase.IDLE) {
      return;
    }
    closed = true;
    expiry.expired(phase);
    if (phase == Phase.HEAD && openResponses == 0) {
      // Nothing else is being written on the connection: say why before closing.
      rawContext
          .writeAndFlush(Unpooled.copiedBuffer(timeoutResponse(), StandardCharsets.UTF_8))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      // A response may be under way: closing is the only answer that cannot corrupt it.
      rawContext.close();
    }
  }

  private String timeoutResponse() {
    String seconds = Long.toString(TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
    String body =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\"the request head was not received within "
            + seconds
            + "s (--request-read-timeout)\",\"reason\":\"Timeout\",\"code\":408}";
    return "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
        + "Connection: close\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }
}
