package io.kubetel.apiserver.e2e;

import io.kubetel.store.write.TelemetryBatch.Log;
import java.time.Instant;
import java.util.Map;

/**
 * Log rows for the tenancy ITs, which tell databases and namespaces apart by what a row says: an
 * INFO line of service {@code svc}, pod {@code pod-1}, in {@code namespace}, with {@code body}.
 */
final class TenantLogs {
  private TenantLogs() {}

  static Log log(String namespace, Instant time, String body) {
    return new Log(
        Map.of("k8s.namespace.name", namespace, "k8s.pod.name", "pod-1", "service.name", "svc"),
        "svc",
        time,
        "",
        "",
        "INFO",
        9,
        body,
        Map.of());
  }
}
