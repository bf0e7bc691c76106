package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.AccessDecision;
import io.kubetel.apiserver.security.AuthenticationException;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.Authorizer;
import io.kubetel.apiserver.security.RequestCredentials;
import io.kubetel.apiserver.security.RequestInfo;
import io.kubetel.apiserver.security.UserInfo;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Authenticates and authorizes every request before routing: the first authenticator that accepts
 * wins, no accepted credentials is a 401 Unauthorized Status, and a denial of the {@link
 * Authorizer} is a 403 Forbidden Status worded as kube-apiserver words it ({@link
 * ForbiddenMessages}). The probe paths are exempt: kubelet sends no client certificate, and they
 * reveal only "ok"/"not ok"; with delegated authorization their {@code ?verbose} detail needs an
 * authorized caller.
 *
 * <p>With a worker pool (cluster mode: TokenReview and SubjectAccessReview may call kube-apiserver)
 * the checks run on it, never on the event loop; without one (standalone: x509 only) they run
 * inline.
 */
public final class AuthenticationHandler implements Handler<RoutingContext> {
  /** Paths served without authentication. */
  public static final Set<String> ANONYMOUS_PATHS = Set.of("/livez", "/readyz");

  private final List<Authenticator> authenticators;
  private final Authorizer authorizer;
  private final WorkerExecutor worker;
  private final boolean verboseNeedsAuthorization;
  private final Duration deadline;

  /** Authentication only, inline (every authenticated user is authorized). */
  public AuthenticationHandler(List<Authenticator> authenticators) {
    this(authenticators, Authorizer.ALLOW_AUTHENTICATED, null, false, null);
  }

  /**
   * @param worker pool the checks run on, or null to run them inline
   * @param verboseNeedsAuthorization whether probe {@code ?verbose} detail needs an authorized
   *     caller
   * @param deadline longest wait for the checks on the worker pool (queue included), after which
   *     the request is a 504 Timeout Status (as kube-apiserver's request timeout, which covers its
   *     authentication and authorization too); null for none
   */
  public AuthenticationHandler(
      List<Authenticator> authenticators,
      Authorizer authorizer,
      WorkerExecutor worker,
      boolean verboseNeedsAuthorization,
      Duration deadline) {
    this.authenticators = List.copyOf(authenticators);
    this.authorizer = authorizer;
    this.worker = worker;
    this.verboseNeedsAuthorization = verboseNeedsAuthorization;
    this.deadline = deadline;
  }

  @Override
  public void handle(RoutingContext context) {
    String path = context.normalizedPath();
    boolean anonymous =
        ANONYMOUS_PATHS.contains(path)
            || ANONYMOUS_PATHS.stream().anyMatch(p -> path.startsWith(p + "/"));
    if (anonymous
        && !(verboseNeedsAuthorization && context.request().params().contains("verbose"))) {
      context.next();
      return;
    }
    RequestCredentials credentials = credentials(context);
    String watch = context.request().getParam("watch");
    RequestInfo info =
        RequestInfo.parse(
            context.request().method().name(),
            path,
            "true".equalsIgnoreCase(watch) || "1".equals(watch));
    if (worker == null) {
      UserInfo user;
      try {
        user = check(credentials, info);
      } catch (RuntimeException e) {
        context.fail(e);
        return;
      }
      finish(context, user);
      return;
    }
    // The body handler runs after this one: keep the body buffered until the checks are done.
    context.request().pause();
    AtomicBoolean answered = new AtomicBoolean();
    long timer =
        deadline == null
            ? -1
            : context
                .vertx()
                .setTimer(
                    deadline.toMillis(),
                    id -> {
                      if (answered.compareAndSet(false, true)) {
                        context.request().resume();
                        context.fail(timedOut());
                      }
                    });
    worker
        .executeBlocking(() -> answered.get() ? null : check(credentials, info), false)
        .onComplete(
            result -> {
              if (!answered.compareAndSet(false, true)) {
                return; // the deadline answered already
              }
              if (timer >= 0) {
                context.vertx().cancelTimer(timer);
              }
              context.request().resume();
              if (result.succeeded()) {
                finish(context, result.result());
              } else {
                context.fail(result.cause());
              }
            });
  }

  private ApiException timedOut() {
    return new ApiException(
        504,
        "Timeout",
        "authentication and authorization did not complete within "
            + deadline.toSeconds()
            + "s (--request-timeout): kube-apiserver is slow to answer reviews; try again");
  }

  private static void finish(RoutingContext context, UserInfo user) {
    context.put(RequestAttributes.USER, user);
    context.next();
  }

  /** Authenticates, then authorizes; throws the 401/403 to answer. */
  private UserInfo check(RequestCredentials credentials, RequestInfo info) {
    UserInfo user = authenticate(credentials);
    AccessDecision decision = authorizer.authorize(user, info);
    if (!decision.allowed()) {
      throw ForbiddenMessages.forbidden(user, info, decision.reason());
    }
    return user;
  }

  private UserInfo authenticate(RequestCredentials credentials) {
    AuthenticationException failure = null;
    for (Authenticator authenticator : authenticators) {
      try {
        Optional<UserInfo> user = authenticator.authenticate(credentials);
        if (user.isPresent()) {
          return user.get();
        }
      } catch (AuthenticationException e) {
        // kube-apiserver's union authenticator: an error does not stop the next one.
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
    throw new ApiException(401, "Unauthorized", "Unauthorized");
  }

  private static RequestCredentials credentials(RoutingContext context) {
    List<X509Certificate> chain = new ArrayList<>();
    HttpConnection connection = context.request().connection();
    if (connection.isSsl()) {
      try {
        for (Certificate certificate : connection.peerCertificates()) {
          if (certificate instanceof X509Certificate x509) {
            chain.add(x509);
          }
        }
      } catch (SSLPeerUnverifiedException e) {
        chain.clear(); // no client certificate
      }
    }
    Map<String, List<String>> headers = new HashMap<>();
    context
        .request()
        .headers()
        .forEach(
            entry ->
                headers
                    .computeIfAbsent(
                        entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(entry.getValue()));
    return new RequestCredentials(chain, headers);
  }
}
