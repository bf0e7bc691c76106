package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.AuthenticationException;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.RequestCredentials;
import io.kubetel.apiserver.security.UserInfo;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Authenticates every request before routing (first authenticator that accepts wins); no accepted
 * credentials means a 401 Unauthorized Status. The probe paths are exempt: kubelet sends no client
 * certificate, and they reveal only "ok"/"not ok".
 */
public final class AuthenticationHandler implements Handler<RoutingContext> {
  /** Paths served without authentication. */
  public static final Set<String> ANONYMOUS_PATHS = Set.of("/livez", "/readyz");

  private final List<Authenticator> authenticators;

  public AuthenticationHandler(List<Authenticator> authenticators) {
    this.authenticators = List.copyOf(authenticators);
  }

  @Override
  public void handle(RoutingContext context) {
    String path = context.normalizedPath();
    if (ANONYMOUS_PATHS.contains(path)
        || ANONYMOUS_PATHS.stream().anyMatch(p -> path.startsWith(p + "/"))) {
      context.next();
      return;
    }
    RequestCredentials credentials = credentials(context);
    try {
      for (Authenticator authenticator : authenticators) {
        Optional<UserInfo> user = authenticator.authenticate(credentials);
        if (user.isPresent()) {
          context.put(RequestAttributes.USER, user.get());
          context.next();
          return;
        }
      }
    } catch (AuthenticationException e) {
      context.fail(e);
      return;
    }
    context.fail(new ApiException(401, "Unauthorized", "Unauthorized"));
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
