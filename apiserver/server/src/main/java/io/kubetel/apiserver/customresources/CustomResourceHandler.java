package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.Operation;
import io.kubetel.apiserver.http.StatusMapper;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.Requests;
import io.kubetel.apiserver.table.ContentNegotiation;
import io.kubetel.apiserver.table.IncludeObject;
import io.kubetel.apiserver.table.ResponseFormat;
import io.kubetel.apiserver.watch.WatchEvent;
import io.kubetel.apiserver.watch.WatchOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves get, list and watch of one custom resource kind from the loaded {@link CustomResourceSet}
 * (in memory, so on the event loop without blocking): full objects or a Table by {@code Accept},
 * label and {@code metadata.*} field selectors, and Status errors worded like kube-apiserver's.
 * Every write method is 405: the files are the source of truth.
 */
final class CustomResourceHandler {
  private final CrdKind kind;
  private final Supplier<CustomResourceSet> objects;
  private final Clock clock;
  private final Duration maxWatchTimeout;
  private final CustomResourceTables tables;
  private final Operation reading;

  CustomResourceHandler(
      CrdKind kind, Supplier<CustomResourceSet> objects, Clock clock, Duration maxWatchTimeout) {
    this.kind = kind;
    this.objects = objects;
    this.clock = clock;
    this.maxWatchTimeout = maxWatchTimeout;
    this.tables = new CustomResourceTables(kind);
    this.reading = Operation.read(kind.plural());
  }

  CrdKind kind() {
    return kind;
  }

  void handle(RoutingContext context) {
    try {
      String name = context.pathParam("name");
      HttpMethod method = context.request().method();
      if (!method.equals(HttpMethod.GET)) {
        throw error(
            405,
            "MethodNotAllowed",
            method
                + " is not supported on "
                + qualified()
                + ": this standalone server serves them read-only from --custom-resources-dir;"
                + " edit the YAML files and restart it",
            name);
      }
      ResponseFormat format = ContentNegotiation.negotiate(context.request().getHeader("Accept"));
      Map<String, String> params = Requests.params(context);
      IncludeObject include = IncludeObject.parse(params.get("includeObject"));
      Optional<String> namespace = Requests.namespace(context);
      CustomResourceSet set = objects.get();
      if (name != null) {
        get(context, set, format, include, namespace, name);
      } else if (WatchOptions.requested(params)) {
        watch(context, set, format, include, params, namespace);
      } else {
        list(context, set, format, include, params, namespace);
      }
    } catch (RuntimeException e) {
      context.fail(StatusMapper.map(e, reading));
    }
  }

  private void get(
      RoutingContext context,
      CustomResourceSet set,
      ResponseFormat format,
      IncludeObject include,
      Optional<String> namespace,
      String name) {
    // Without a namespace the path is /dashboards/NAME: kube-apiserver answers 404 for it too.
    ObjectNode object =
        namespace
            .flatMap(ns -> set.get(kind.plural(), ns, name))
            .orElseThrow(
                () -> error(404, "NotFound", qualified() + " \"" + name + "\" not found", name));
    String rv = object.path("metadata").path("resourceVersion").asText();
    Object body =
        format.table()
            ? tables.render(format, true, List.of(object), include, rv, clock.instant())
            : object;
    Requests.respond(context, 200, format.contentType(), ApiJson.write(body));
  }

  private void list(
      RoutingContext context,
      CustomResourceSet set,
      ResponseFormat format,
      IncludeObject include,
      Map<String, String> params,
      Optional<String> namespace) {
    List<ObjectNode> items = select(set, params, namespace);
    Object body;
    if (format.table()) {
      body = tables.render(format, true, items, include, set.resourceVersion(), clock.instant());
    } else {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", CustomResourceGroup.API_VERSION);
      list.put("kind", kind.info().listKind());
      list.put("metadata", Map.of("resourceVersion", set.resourceVersion()));
      list.put("items", items);
      body = list;
    }
    Requests.respond(context, 200, format.contentType(), ApiJson.write(body));
  }

  private void watch(
      RoutingContext context,
      CustomResourceSet set,
      ResponseFormat format,
      IncludeObject include,
      Map<String, String> params,
      Optional<String> namespace) {
    WatchOptions options = WatchOptions.parse(params, maxWatchTimeout);
    List<ObjectNode> items = select(set, params, namespace);
    String rv = params.getOrDefault("resourceVersion", "");
    ApiException error = null;
    List<WatchEvent> events = new ArrayList<>();
    if (rv.isEmpty() || rv.equals("0")) {
      // No version: every current object as ADDED, like kube-apiserver.
      Instant now = clock.instant();
      for (ObjectNode item : items) {
        Object object =
            format.table()
                ? tables.render(
                    format,
                    events.isEmpty(),
                    List.of(item),
                    include,
                    item.path("metadata").path("resourceVersion").asText(),
                    now)
                : item;
        events.add(new WatchEvent("ADDED", object));
      }
    } else if (!rv.equals(set.resourceVersion())) {
      // The objects were loaded from other file contents than the client listed: it must re-list.
      error =
          error(
              410,
              "Expired",
              "too old resource version: " + rv + " (" + set.resourceVersion() + ")",
              null);
    }
    // The client's version is current: nothing has changed, and nothing will until a restart.
    new StaticWatch(context.vertx(), context.response())
        .start(
            format.contentType(), events, error, options.timeout(), context.request().connection());
  }

  private List<ObjectNode> select(
      CustomResourceSet set, Map<String, String> params, Optional<String> namespace) {
    ObjectSelection selection = ObjectSelection.parse(params);
    return set.list(kind.plural(), namespace).stream().filter(selection::matches).toList();
  }

  /** {@code dashboards.kubetel.io}, as kube-apiserver names a resource in messages. */
  private String qualified() {
    return kind.plural() + "." + CustomResourceGroup.GROUP;
  }

  private ApiException error(int code, String reason, String message, String name) {
    return new ApiException(code, reason, message, CustomResourceGroup.GROUP, kind.plural(), name);
  }
}
