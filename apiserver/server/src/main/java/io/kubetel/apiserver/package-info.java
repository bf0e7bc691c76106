/** The kubetel aggregated API server: serves ClickHouse telemetry as Kubernetes resources. */
package io.kubetel.apiserver;
