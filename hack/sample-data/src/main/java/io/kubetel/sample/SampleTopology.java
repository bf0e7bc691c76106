package io.kubetel.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo cluster the sample data describes: namespaces {@code shop}, {@code payments} and {@code
 * platform}, their services and pods, each pod with Kubernetes resource attributes.
 */
final class SampleTopology {
  /** One pod of a service. */
  record Pod(
      String namespace, String service, String name, String node, Map<String, String> resource) {}

  /** A service with its HTTP routes and pods. */
  record Service(String namespace, String name, List<String> routes, List<Pod> pods) {}

  final Map<String, Service> services = new LinkedHashMap<>();

  SampleTopology() {
    add("shop", "frontend", 3, "GET /", "GET /products", "POST /cart", "POST /checkout");
    add("shop", "catalog", 2, "GET /products", "GET /products/{id}");
    add("shop", "cart", 2, "GET /cart", "POST /cart");
    add("shop", "checkout", 2, "POST /checkout");
    add("payments", "payment", 2, "POST /pay");
    add("payments", "ledger", 2, "POST /entries", "POST /reconcile");
    add("platform", "ingress", 2, "GET /healthz", "PROXY");
  }

  private void add(String ns, String service, int pods, String... routes) {
    List<Pod> list = new ArrayList<>();
    int hash = Math.abs((ns + service).hashCode());
    for (int i = 0; i < pods; i++) {
      String pod =
          service
              + "-"
              + Integer.toHexString(hash % 0xfffff)
              + "-"
              + (char) ('a' + i)
              + (i * 7 % 10);
      String node = "node-" + ((hash + i) % 3 + 1);
      Map<String, String> res = new LinkedHashMap<>();
      res.put("k8s.cluster.name", "demo");
      res.put("k8s.namespace.name", ns);
      res.put("k8s.deployment.name", service);
      res.put("k8s.pod.name", pod);
      res.put("k8s.node.name", node);
      res.put("k8s.container.name", service);
      res.put("service.name", service);
      res.put("service.version", "1." + (hash % 7) + ".0");
      list.add(new Pod(ns, service, pod, node, Map.copyOf(res)));
    }
    services.put(service, new Service(ns, service, List.of(routes), List.copyOf(list)));
  }

  Service service(String name) {
    return services.get(name);
  }

  List<Pod> pods() {
    List<Pod> all = new ArrayList<>();
    services.values().forEach(s -> all.addAll(s.pods()));
    return all;
  }
}
