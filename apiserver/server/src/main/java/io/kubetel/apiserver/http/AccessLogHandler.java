package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.UserInfo;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every request: counts it in flight and, when it ends, writes one access-log line
 * and records request metrics. The log carries the path but never the query string (selectors and
 * continue tokens may hold user data).
 */
public final class AccessLogHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger("io.kubetel.apiserver.access");

  private final RequestMetrics metrics;

  public AccessLogHandler(RequestMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext context) {
    long start = System.nanoTime();
    metrics.begun();
    context.addEndHandler(
        done -> {
          metrics.ended();
          HttpServerRequest request = context.request();
          int code = context.response().getStatusCode();
          long micros = (System.nanoTime() - start) / 1000;
          String resource = context.get(RequestAttributes.RESOURCE, "other");
          String verb =
              Boolean.TRUE.equals(context.get(RequestAttributes.RESOURCE_REQUEST))
                  ? verb(request, context.pathParam("name") != null)
                  : request.method().name().toLowerCase(java.util.Locale.ROOT);
          UserInfo user = RequestAttributes.user(context);
          metrics.record(verb, resource, code, Duration.ofNanos(micros * 1000));
          // Successful probes arrive every few seconds per kubelet: keep them out of INFO.
          boolean quiet = code < 400 && "health".equals(resource);
          if (quiet ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
            return;
          }
          String format =
              "event=request method={} path={} verb={} resource={} code={} duration_ms={} user={}"
                  + " completed={}";
          Object[] values = {
            request.method(),
            request.path(),
            verb,
            resource,
            code,
            micros / 1000.0,
            user == null ? "-" : user.name(),
            done.succeeded()
          };
          if (quiet) {
            log.debug(format, values);
          } else {
            log.info(format, values);
          }
        });
    context.next();
  }

  /** Kubernetes verb of a request (get, list, watch, create, ...). */
  public static String verb(HttpServerRequest request, boolean named) {
    HttpMethod method = request.method();
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      if ("true".equals(request.getParam("watch")) || "1".equals(request.getParam("watch"))) {
        return "watch";
      }
      return named ? "get" : "list";
    }
    if (HttpMethod.POST.equals(method)) {
      return "create";
    }
    return method.name().toLowerCase(java.util.Locale.ROOT);
  }
}
