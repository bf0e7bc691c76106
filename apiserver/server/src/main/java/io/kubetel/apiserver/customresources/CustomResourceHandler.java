package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.Operation;
import io.kubetel.apiserver.http.StatusMapper;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.ReadRequest;
import io.kubetel.apiserver.resource.Requests;
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

/**
 * Serves get, list and watch of one custom resource kind from the loaded {@link CustomResourceSet}
 * (in memory, so on the event loop without blocking): full objects or a Table by {@code Accept},
 * label and {@code metadata.*} field selectors, and Status errors worded like kube-apiserver's.
 * Every write method is 405: the files are the source of truth.
 */
final class CustomResourceHandler {
  private final CrdKind kind;
  private final CustomResourceSet set;
  private final Clock clock;
  private final Duration maxWatchTimeout;
  private final CustomResourceTables tables;
  private final Operation reading;

  CustomResourceHandler(
      CrdKind kind, CustomResourceSet objects, Clock clock, Duration maxWatchTimeout) {
    this.kind = kind;
    this.set = objects;
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
      ReadRequest request = ReadRequest.parse(context);
      if (name != null) {
        get(request, set, name);
      } else if (WatchOptions.requested(request.params())) {
        watch(request, set);
      } else {
        list(request, set);
      }
    } catch (RuntimeException e) {
      context.fail(StatusMapper.map(e, reading));
    }
  }

  private void get(ReadRequest request, CustomResourceSet set, String name) {
    // Without a namespace the path is /dashboards/NAME: kube-apiserver answers 404 for it too.
    ObjectNode object =
        request
            .namespace()
            .flatMap(ns -> set.get(kind.plural(), ns, name))
            .orElseThrow(
                () -> error(404, "NotFound", qualified() + " \"" + name + "\" not found", name));
    String rv = object.path("metadata").path("resourceVersion").asText();
    Object body =
        request.format().table()
            ? tables.render(
                request.format(), true, List.of(object), request.include(), rv, clock.instant())
            : object;
    Requests.respond(request.context(), 200, request.format().contentType(), ApiJson.write(body));
  }

  private void list(ReadRequest request, CustomResourceSet set) {
    List<ObjectNode> items = select(set, request.params(), request.namespace());
    Object body;
    if (request.format().table()) {
      body =
          tables.render(
              request.format(),
              true,
              items,
              request.include(),
              set.resourceVersion(),
              clock.instant());
    } else {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", CustomResourceGroup.API_VERSION);
      list.put("kind", kind.info().listKind());
      list.put("metadata", Map.of("resourceVersion", set.resourceVersion()));
      list.put("items", items);
      body = list;
    }
    Requests.respond(request.context(), 200, request.format().contentType(), ApiJson.write(body));
  }

  private void watch(ReadRequest request, CustomResourceSet set) {
    WatchOptions options = WatchOptions.parse(request.params(), maxWatchTimeout);
    List<ObjectNode> items = select(set, request.params(), request.namespace());
    String rv = request.params().getOrDefault("resourceVersion", "");
    ApiException error = null;
    List<WatchEvent> events = new ArrayList<>();
    if (rv.isEmpty() || rv.equals("0")) {
      // No version: every current object as ADDED, like kube-apiserver.
      Instant now = clock.instant();
      for (ObjectNode item : items) {
        Object object =
            request.format().table()
                ? tables.render(
                    request.format(),
                    events.isEmpty(),
                    List.of(item),
                    request.include(),
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
    new StaticWatch(request.context().vertx(), request.context().response())
        .start(
            request.format().contentType(),
            events,
            error,
            options.timeout(),
            request.context().request().connection());
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
