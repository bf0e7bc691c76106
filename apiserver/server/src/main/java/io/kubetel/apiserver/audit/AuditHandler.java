package io.kubetel.apiserver.audit;

import io.kubetel.apiserver.http.AccessLogHandler;
import io.kubetel.apiserver.http.RequestAttributes;
import io.kubetel.apiserver.limits.RequestBudget;
import io.kubetel.apiserver.security.UserInfo;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one structured audit line per request when it ends (logger {@code
 * io.kubetel.apiserver.audit}): user, groups, verb, resource, namespace, name, code, duration, rows
 * read from storage and tenant. Registered before authentication, so refused requests are audited
 * too. It takes only these facts from the request: never a header, a query string, a body or a
 * certificate, so no token, certificate or password can reach the log. Probes and the metrics
 * scrape are left out (they are not API requests and arrive every few seconds).
 */
public final class AuditHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger("io.kubetel.apiserver.audit");
  private static final List<String> UNAUDITED = List.of("/livez", "/readyz", "/metrics");

  @Override
  public void handle(RoutingContext context) {
    if (UNAUDITED.contains(context.normalizedPath()) || !log.isInfoEnabled()) {
      context.next();
      return;
    }
    long start = System.nanoTime();
    context.addEndHandler(done -> log.info(line(context, (System.nanoTime() - start) / 1000)));
    context.next();
  }

  /** The audit line of {@code context}'s request, which took {@code micros}. */
  static String line(RoutingContext context, long micros) {
    UserInfo user = RequestAttributes.user(context);
    boolean resource = Boolean.TRUE.equals(context.get(RequestAttributes.RESOURCE_REQUEST));
    String name = resource ? context.pathParam("name") : null;
    String verb =
        resource
            ? AccessLogHandler.verb(context.request(), name != null)
            : context.request().method().name().toLowerCase(java.util.Locale.ROOT);
    long rows = RequestBudget.rowsRead(context);
    StringBuilder line = new StringBuilder("event=audit");
    field(line, "user", user == null ? null : user.name());
    field(line, "groups", user == null ? null : String.join(",", user.groups()));
    field(line, "verb", verb);
    field(line, "resource", resource ? context.get(RequestAttributes.RESOURCE) : null);
    field(line, "path", resource ? null : context.normalizedPath());
    field(line, "namespace", resource ? context.pathParam("namespace") : null);
    field(line, "name", name);
    line.append(" code=").append(context.response().getStatusCode());
    line.append(" duration_ms=").append(micros / 1000.0);
    line.append(" rows_read=").append(rows < 0 ? 0 : rows);
    field(line, "tenant", AuditTenant.get(context));
    return line.toString();
  }

  /**
   * Appends {@code key=value}: {@code -} when absent, quoted with {@code \"} and {@code \\} escaped
   * when it holds blanks, quotes, '=' or control characters, so one line stays one parseable line.
   */
  static void field(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=');
    if (value == null || value.isEmpty()) {
      line.append('-');
      return;
    }
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c > ' ' && c != '"' && c != '\\' && c != '=' && c != 0x7f;
    }
    if (plain) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c < ' ' || c == 0x7f) {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }
}
