package io.kubetel.apiserver.resource;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A typed object of a served kind (Metric, Trace, LogRecord, TelemetryQuery), written to clients by
 * the one mapper; lists, Tables and watch events read its metadata without re-parsing JSON.
 */
public interface ServedObject {

  /** The object's metadata (name, namespace, labels, resourceVersion, creationTimestamp). */
  ObjectMeta metadata();
}
