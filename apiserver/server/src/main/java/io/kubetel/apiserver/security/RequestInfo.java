package io.kubetel.apiserver.security;

import java.util.List;
import java.util.Objects;

/**
 * What a request asks to do, in the terms of Kubernetes authorization ({@code
 * authorizer.Attributes}): a resource request (verb, API group, version, resource, namespace, name)
 * or a non-resource request (verb and path). Parsed from the URL alone, as kube-apiserver's
 * RequestInfoFactory does, so it is known before routing.
 *
 * @param resourceRequest whether this is a resource request
 * @param verb get, list, watch, create, ... (resource) or the lower-case HTTP method (non-resource)
 * @param path request path (for non-resource requests)
 * @param group API group ("" for the core group)
 * @param version API version
 * @param resource resource plural
 * @param namespace namespace, "" for cluster scope ({@code -A})
 * @param name object name, "" when none
 */
public record RequestInfo(
    boolean resourceRequest,
    String verb,
    String path,
    String group,
    String version,
    String resource,
    String namespace,
    String name) {

  public RequestInfo {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(path, "path");
    group = Objects.requireNonNullElse(group, "");
    version = Objects.requireNonNullElse(version, "");
    resource = Objects.requireNonNullElse(resource, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    name = Objects.requireNonNullElse(name, "");
  }

  /** A non-resource request. */
  public static RequestInfo nonResource(String verb, String path) {
    return new RequestInfo(false, verb, path, "", "", "", "", "");
  }

  /**
   * Parses {@code method} and {@code path} like kube-apiserver: {@code
   * /apis/G/V/[namespaces/NS/]RESOURCE[/NAME]} is a resource request (GET on a collection is list,
   * or watch with {@code watch=true|1}; GET on a name is get; POST is create); anything else
   * (discovery, OpenAPI, probes, metrics) is a non-resource request.
   */
  public static RequestInfo parse(String method, String path, boolean watchParam) {
    String lowerMethod = method.toLowerCase(java.util.Locale.ROOT);
    List<String> parts =
        java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
    if (parts.size() < 4 || !parts.get(0).equals("apis")) {
      return nonResource(lowerMethod, path);
    }
    String group = parts.get(1);
    String version = parts.get(2);
    List<String> rest = parts.subList(3, parts.size());
    String namespace = "";
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    } else if (rest.size() == 2 && rest.get(0).equals("namespaces")) {
      // GET /apis/G/V/namespaces/NS: the namespace object itself.
      return new RequestInfo(
          true,
          verb(lowerMethod, true, watchParam),
          path,
          group,
          version,
          "namespaces",
          "",
          rest.get(1));
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : "";
    return new RequestInfo(
        true,
        verb(lowerMethod, !name.isEmpty(), watchParam),
        path,
        group,
        version,
        resource,
        namespace,
        name);
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "get", "head" -> named ? "get" : (watch ? "watch" : "list");
      case "post" -> "create";
      case "put" -> "update";
      case "patch" -> "patch";
      case "delete" -> named ? "delete" : "deletecollection";
      default -> method;
    };
  }
}
