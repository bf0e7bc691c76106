package io.kubetel.apiserver.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the serving certificate and client CA when their files change (OLM, cert-manager and
 * Secret volume updates rotate them in place). Polls modification time and size; a change triggers
 * {@link HttpServer#updateSSLOptions}, which applies to new connections only, so in-flight requests
 * are not disturbed. A half-written pair fails to load and is retried on the next tick.
 */
public final class CertificateReloader {
  private static final Logger log = LoggerFactory.getLogger(CertificateReloader.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final TlsSettings tls;
  private List<String> lastSeen;
  private long timerId = -1;

  public CertificateReloader(Vertx vertx, HttpServer server, TlsSettings tls) {
    this.vertx = vertx;
    this.server = server;
    this.tls = tls;
    this.lastSeen = fingerprint();
  }

  /** Starts polling every {@code interval}. */
  public void start(Duration interval) {
    timerId = vertx.setPeriodic(interval.toMillis(), id -> check());
  }

  /** Stops polling. */
  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private void check() {
    List<String> now = fingerprint();
    if (Objects.equals(now, lastSeen)) {
      return;
    }
    server
        .updateSSLOptions(tls.sslOptions(), true)
        .onSuccess(
            updated -> {
              lastSeen = now;
              log.info("event=tls_reloaded cert={}", tls.certFile());
            })
        .onFailure(
            e ->
                log.warn(
                    "event=tls_reload_failed cert={} error=\"{}\"",
                    tls.certFile(),
                    e.getMessage()));
  }

  private List<String> fingerprint() {
    List<String> parts = new ArrayList<>();
    for (Path file : tls.watchedFiles()) {
      try {
        parts.add(Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file));
      } catch (IOException e) {
        parts.add("missing");
      }
    }
    return parts;
  }
}
