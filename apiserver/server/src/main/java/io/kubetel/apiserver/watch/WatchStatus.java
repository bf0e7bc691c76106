package io.kubetel.apiserver.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;

/** The {@code Status} object carried by a watch ERROR event. */
final class WatchStatus {
  private WatchStatus() {}

  static ObjectNode of(ObjectMapper mapper, ApiException e) {
    ObjectNode s = mapper.createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", e.getMessage());
    s.put("reason", e.reason());
    s.put("code", e.code());
    if (e.kind() != null || e.name() != null) {
      ObjectNode d = s.putObject("details");
      if (e.name() != null) {
        d.put("name", e.name());
      }
      if (e.kind() != null) {
        d.put("kind", e.kind());
      }
    }
    return s;
  }
}
