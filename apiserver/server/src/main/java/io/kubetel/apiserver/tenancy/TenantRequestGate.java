package io.kubetel.apiserver.tenancy;

import io.kubetel.apiserver.audit.AuditTenant;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.http.RequestAttributes;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.security.UserInfo;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs before the telemetry resource handlers (after authentication and authorization): resolves
 * the request's {@link TenantScope} from the namespace in its path, names its tenant for the audit
 * line ({@link AuditTenant}) and applies the per-user {@code requestsPerSecond} quota, answering
 * 429 TooManyRequests with {@code Retry-After} past it.
 */
public final class TenantRequestGate implements EndpointGroup {
  private final TenantDirectory directory;
  private final UserRateLimiter limiter;
  private final Set<String> resources;

  /**
   * @param resources the plurals of the telemetry resources whose requests read data
   */
  public TenantRequestGate(
      TenantDirectory directory, UserRateLimiter limiter, Set<String> resources) {
    this.directory = directory;
    this.limiter = limiter;
    this.resources = Set.copyOf(resources);
  }

  @Override
  public void register(Router router) {
    router.route(TelemetryApiGroup.PATH + "/*").handler(this::handle);
  }

  private void handle(RoutingContext context) {
    String path = context.normalizedPath();
    if (path.length() <= TelemetryApiGroup.PATH.length() + 1) {
      context.next();
      return;
    }
    String[] parts = path.substring(TelemetryApiGroup.PATH.length() + 1).split("/");
    Optional<String> namespace = Optional.empty();
    String resource = parts[0];
    if ("namespaces".equals(parts[0]) && parts.length >= 3) {
      namespace = Optional.of(parts[1]);
      resource = parts[2];
    }
    if (!resources.contains(resource)) {
      context.next();
      return;
    }
    TenantScope scope = directory.current().scopeOf(namespace);
    // The audit line names the tenant read ("*" for all namespaces; none for untenanted ones).
    if (!scope.tenantLabel().isEmpty()) {
      AuditTenant.set(context, scope.tenantLabel());
    } else if (namespace.isEmpty()) {
      AuditTenant.set(context, "*");
    }
    UserInfo user = RequestAttributes.user(context);
    if (user != null) {
      OptionalInt retryAfter = limiter.tryAcquire(user.name(), scope);
      if (retryAfter.isPresent()) {
        context.fail(
            ApiException.tooManyRequests(
                "too many requests from user \""
                    + user.name()
                    + "\" for "
                    + TenantConcurrency.describe(scope)
                    + " (quota "
                    + limiter.quotaText(scope)
                    + "); retry after "
                    + retryAfter.getAsInt()
                    + "s",
                retryAfter.getAsInt()));
        return;
      }
    }
    context.next();
  }
}
