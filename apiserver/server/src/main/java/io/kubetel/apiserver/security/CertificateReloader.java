package io.kubetel.apiserver.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the serving certificate and client CA when their files change (OLM, cert-manager and
 * Secret volume updates rotate them in place). Polls modification time and size off the event loop;
 * when they changed and the key matches the certificate (a rotation writing the two files one after
 * the other is applied only once both are in place), {@link HttpServer#updateSSLOptions} applies
 * the new material to new connections; in-flight requests are not disturbed. A failed reload is
 * retried on the next tick. An optional action runs (off the event loop) after each reload, for
 * what is derived from the certificate's key.
 */
public final class CertificateReloader {
  private static final Logger log = LoggerFactory.getLogger(CertificateReloader.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final TlsSettings tls;
  private final Runnable afterReload;
  private volatile List<String> lastSeen;
  private volatile boolean reloading;
  private long timerId = -1;

  public CertificateReloader(Vertx vertx, HttpServer server, TlsSettings tls) {
    this(vertx, server, tls, () -> {});
  }

  /**
   * @param afterReload runs on a worker thread after each successful reload
   */
  public CertificateReloader(
      Vertx vertx, HttpServer server, TlsSettings tls, Runnable afterReload) {
    this.vertx = vertx;
    this.server = server;
    this.tls = tls;
    this.afterReload = afterReload;
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
    if (reloading) {
      return;
    }
    reloading = true;
    vertx
        .executeBlocking(
            () -> {
              List<String> now = fingerprint();
              return Objects.equals(now, lastSeen) || !pairMatches() ? null : now;
            })
        .compose(
            now -> {
              if (now == null) {
                return io.vertx.core.Future.succeededFuture(false);
              }
              return server
                  .updateSSLOptions(tls.sslOptions(), true)
                  .onSuccess(
                      updated -> {
                        lastSeen = now;
                        log.info("event=tls_reloaded cert={}", tls.certFile());
                      })
                  .compose(
                      updated ->
                          vertx.executeBlocking(
                              () -> {
                                afterReload.run();
                                return updated;
                              }));
            })
        .onComplete(
            result -> {
              reloading = false;
              if (result.failed()) {
                log.warn(
                    "event=tls_reload_failed cert={} error=\"{}\"",
                    tls.certFile(),
                    result.cause().getMessage());
              }
            });
  }

  private boolean pairMatches() {
    try {
      List<X509Certificate> chain = PemFiles.readCertificates(tls.certFile());
      return !chain.isEmpty()
          && PemFiles.keyMatches(PemFiles.readPrivateKey(tls.keyFile()), chain.get(0));
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      return false; // mid-rotation or unreadable: try again next tick
    }
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
