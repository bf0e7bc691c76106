package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.table.ContentNegotiation;
import io.kubetel.apiserver.table.IncludeObject;
import io.kubetel.apiserver.table.ResponseFormat;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * One GET on a read-only resource, parsed the same way for telemetry and custom resources: the
 * negotiated response format, {@code includeObject}, the query parameters and the namespace from
 * the path, beside the context that answers it.
 *
 * @param namespace the path's namespace; empty on cluster-wide paths
 */
public record ReadRequest(
    RoutingContext context,
    ResponseFormat format,
    IncludeObject include,
    Map<String, String> params,
    Optional<String> namespace) {

  /** Parses a request; a bad {@code Accept} header or {@code includeObject} throws its 4xx. */
  public static ReadRequest parse(RoutingContext context) {
    ResponseFormat format = ContentNegotiation.negotiate(context.request().getHeader("Accept"));
    Map<String, String> params = Requests.params(context);
    IncludeObject include = IncludeObject.parse(params.get("includeObject"));
    return new ReadRequest(context, format, include, params, Requests.namespace(context));
  }
}
