package io.kubetel.apiserver.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request and storage-error meters, exported on {@code /metrics} as {@code
 * kubetel_apiserver_requests_seconds{verb,resource,code}} (histogram: buckets from 5 ms to 30 s,
 * count, sum, max), {@code kubetel_apiserver_inflight_requests} (requests begun and not yet ended,
 * watches included) and {@code kubetel_apiserver_store_errors_total{source}}. Labels are bounded:
 * verb is a Kubernetes verb, resource a served plural or a fixed endpoint name, never a raw path.
 */
public final class RequestMetrics {
  private final MeterRegistry registry;
  private final Counter requestStoreErrors;
  private final Counter pingStoreErrors;
  private final AtomicLong inflight = new AtomicLong();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("kubetel.apiserver.inflight.requests", inflight, AtomicLong::get)
        .description("Requests begun and not yet ended (watches included)")
        .register(registry);
    this.requestStoreErrors = storeErrors(registry, "request");
    this.pingStoreErrors = storeErrors(registry, "ping");
  }

  private static Counter storeErrors(MeterRegistry registry, String source) {
    return Counter.builder("kubetel.apiserver.store.errors")
        .description("Storage calls that failed")
        .tag("source", source)
        .register(registry);
  }

  /** A request began. */
  public void begun() {
    inflight.incrementAndGet();
  }

  /** A request ended (answered, or its connection closed). */
  public void ended() {
    inflight.decrementAndGet();
  }

  /** The requests begun and not yet ended. */
  public long inflight() {
    return inflight.get();
  }

  /** Records one finished request. */
  public void record(String verb, String resource, int code, Duration duration) {
    Timer.builder("kubetel.apiserver.requests")
        .description("API requests by verb, resource and HTTP code")
        .tag("verb", verb)
        .tag("resource", resource)
        .tag("code", Integer.toString(code))
        .serviceLevelObjectives(LatencyBuckets.BUCKETS)
        .register(registry)
        .record(duration);
  }

  /** A request failed because of storage. */
  public void storeError() {
    requestStoreErrors.increment();
  }

  /** The periodic storage ping failed. */
  public void pingError() {
    pingStoreErrors.increment();
  }
}
