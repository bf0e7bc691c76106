package io.kubetel.model.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The telemetry signal a query reads. */
public enum Signal {
  @JsonProperty("metrics")
  METRICS,
  @JsonProperty("traces")
  TRACES,
  @JsonProperty("logs")
  LOGS
}
