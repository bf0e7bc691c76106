package io.kubetel.packaging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One Kubernetes API request as RBAC sees it (verb, API group, resource with subresource,
 * namespace, name), read from the {@code METHOD path} lines the operator and API server ITs record
 * from the fabric8 mock server.
 *
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param group the API group, empty for core
 * @param resource the resource, {@code resource/subresource} for a subresource
 * @param namespace the namespace, empty for cluster-scoped calls
 * @param name the object's name; for a list or watch, the name its field selector asks for
 */
record ApiCall(String verb, String group, String resource, String namespace, String name) {

  static ApiCall parse(String line) {
    int space = line.indexOf(' ');
    String method = line.substring(0, space);
    String path = line.substring(space + 1);
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = URLDecoder.decode(path.substring(q + 1), StandardCharsets.UTF_8);
      path = path.substring(0, q);
    }
    List<String> seg = Arrays.asList(path.replaceFirst("^/", "").split("/"));
    boolean core = seg.get(0).equals("api");
    String group = core ? "" : seg.get(1);
    List<String> rest = seg.subList(core ? 2 : 3, seg.size());
    String namespace = "";
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
    String name = rest.size() > 1 ? rest.get(1) : "";
    boolean collection = name.isEmpty();
    if (collection) {
      for (String part : query.split("&")) {
        if (part.startsWith("fieldSelector=metadata.name=")) {
          name = part.substring("fieldSelector=metadata.name=".length());
        }
      }
    }
    String verb =
        switch (method) {
          case "GET" -> query.contains("watch=true") ? "watch" : collection ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> collection ? "deletecollection" : "delete";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return new ApiCall(verb, group, resource, namespace, name);
  }

  /** {@code verb group/resource} as RBAC grants it. */
  String permission() {
    return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
  }

  @Override
  public String toString() {
    return permission()
        + (namespace.isEmpty() ? "" : " -n " + namespace)
        + (name.isEmpty() ? "" : " " + name);
  }
}
