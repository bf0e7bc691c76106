package io.kubetel.sample;

import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryBatch.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates realistic, deterministic (seeded) telemetry for the demo cluster: gauges, cumulative
 * request counters and latency histograms per pod, exponential histograms, summaries and the
 * occasional staleness marker ({@link SampleObservations}), traces of 3–30 spans across services
 * with ~5% errors (with exception events) and slow outliers, and logs correlated to traces and
 * spans. Stateful: counters keep growing across successive {@link #generate} calls, like real
 * exporters.
 */
public final class SampleTelemetryGenerator {
  /** Share of traces that fail during an error burst. */
  static final double BURST_FAILURE_RATE = 0.6;

  private Instant burstAnchor;
  private Duration burstEvery;
  private Duration burstLength;

  /** Latency histogram bounds in milliseconds. */
  public static final List<Double> BOUNDS =
      List.of(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0);

  private final Random random;
  private final SampleTopology topology = new SampleTopology();
  private final Duration scrapeInterval;
  private final double tracesPerSecond;
  private final Map<String, double[]> counters = new HashMap<>();
  private final SampleObservations observations;
  private final Instant processStart;
  private SampleIncidents incidents = SampleIncidents.none();
  private long idSeq;

  /**
   * @param seed the random seed (same seed and calls give the same data)
   * @param processStart start time of cumulative metrics
   * @param scrapeInterval metric point interval
   * @param tracesPerSecond trace arrival rate across the cluster
   */
  public SampleTelemetryGenerator(
      long seed, Instant processStart, Duration scrapeInterval, double tracesPerSecond) {
    this.random = new Random(seed);
    this.observations = new SampleObservations(seed, processStart);
    this.processStart = processStart;
    this.scrapeInterval = scrapeInterval;
    this.tracesPerSecond = tracesPerSecond;
  }

  /** Adds the demo's incidents ({@link SampleIncidents}) to what is generated from now on. */
  public void incidents(Instant anchor) {
    this.incidents = new SampleIncidents(anchor);
  }

  /** Telemetry for {@code [from, to)}. */
  public TelemetryBatch generate(Instant from, Instant to) {
    TelemetryBatch batch = new TelemetryBatch();
    long step = scrapeInterval.toMillis();
    long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
    for (long t = first; t < to.toEpochMilli(); t += step) {
      metrics(batch, Instant.ofEpochMilli(t));
    }
    double seconds = Duration.between(from, to).toMillis() / 1000.0;
    long traces = Math.round(seconds * tracesPerSecond);
    for (long i = 0; i < traces; i++) {
      Instant start = from.plusMillis((long) (random.nextDouble() * seconds * 1000));
      trace(batch, start);
    }
    return batch;
  }

  private void metrics(TelemetryBatch b, Instant t) {
    for (SampleTopology.Pod pod : topology.pods()) {
      double phase = (t.getEpochSecond() % 3600) / 3600.0 * 2 * Math.PI;
      double mem =
          180e6
              + 40e6 * Math.sin(phase + pod.name().hashCode())
              + random.nextGaussian() * 2e6
              + incidents.leakedBytes(pod, podIndex(pod), t);
      b.gauges.add(
          new TelemetryBatch.Gauge(
              pod.resource(),
              pod.service(),
              "process.memory.usage",
              "By",
              "Resident memory of the process",
              Map.of(),
              t,
              Math.max(1e6, Math.round(mem))));
      double cpu =
          Math.min(
              1, Math.max(0.01, 0.3 + 0.2 * Math.sin(phase * 2) + random.nextGaussian() * 0.05));
      b.gauges.add(
          new TelemetryBatch.Gauge(
              pod.resource(),
              pod.service(),
              "k8s.pod.cpu.utilization",
              "1",
              "Pod CPU utilization",
              Map.of(),
              t,
              round(cpu, 4)));
      for (String route : topology.service(pod.service()).routes()) {
        String[] parts = route.split(" ", 2);
        double rps = 2 + random.nextDouble() * 3;
        long requests = Math.round(rps * scrapeInterval.toSeconds());
        long errors =
            (random.nextDouble() < 0.2 ? 1 + random.nextInt(2) : 0)
                + incidents.extraErrors(pod.service(), route, t);
        for (String status : List.of("200", "500")) {
          Map<String, String> attrs = new LinkedHashMap<>();
          attrs.put("http.route", parts.length > 1 ? parts[1] : route);
          attrs.put("http.method", parts[0]);
          attrs.put("http.status_code", status);
          double[] c = counters.computeIfAbsent(key("req", pod, attrs), k -> new double[1]);
          c[0] += status.equals("200") ? requests : errors;
          b.sums.add(
              new TelemetryBatch.Sum(
                  pod.resource(),
                  pod.service(),
                  "http.server.requests",
                  "{request}",
                  "HTTP requests handled",
                  attrs,
                  processStart,
                  t,
                  c[0],
                  2,
                  true));
        }
        histogram(b, pod, route, parts, t, requests);
      }
      observations.add(b, pod, t, Math.round(3.0 * scrapeInterval.toSeconds()));
    }
  }

  private void histogram(
      TelemetryBatch b,
      SampleTopology.Pod pod,
      String route,
      String[] parts,
      Instant t,
      long requests) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("http.route", parts.length > 1 ? parts[1] : route);
    attrs.put("http.method", parts[0]);
    double[] h =
        counters.computeIfAbsent(key("dur", pod, attrs), k -> new double[BOUNDS.size() + 5]);
    // h: buckets..., count, sum, min, max
    int n = BOUNDS.size() + 1;
    for (long i = 0; i < requests; i++) {
      double ms = latency() * incidents.latencyFactor(pod.service(), route, t);
      int bucket = 0;
      while (bucket < BOUNDS.size() && ms > BOUNDS.get(bucket)) {
        bucket++;
      }
      h[bucket]++;
      h[n]++;
      h[n + 1] += ms;
      h[n + 2] = h[n + 2] == 0 ? ms : Math.min(h[n + 2], ms);
      h[n + 3] = Math.max(h[n + 3], ms);
    }
    List<Long> buckets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      buckets.add((long) h[i]);
    }
    b.histograms.add(
        new TelemetryBatch.Histogram(
            pod.resource(),
            pod.service(),
            "http.server.request.duration",
            "ms",
            "Duration of HTTP server requests",
            attrs,
            processStart,
            t,
            (long) h[n],
            round(h[n + 1], 3),
            buckets,
            BOUNDS,
            round(h[n + 2], 3),
            round(h[n + 3], 3),
            2));
  }

  private int podIndex(SampleTopology.Pod pod) {
    return topology.service(pod.service()).pods().indexOf(pod);
  }

  private double latency() {
    double ms = Math.exp(3 + random.nextGaussian() * 0.6);
    return random.nextDouble() < 0.02 ? ms * 10 : ms;
  }

  private static String key(String kind, SampleTopology.Pod pod, Map<String, String> attrs) {
    return kind + "|" + pod.name() + "|" + attrs;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private String hex(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    while (sb.length() < chars) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%016x",
              random.nextLong() ^ (idSeq++ * 0x9E3779B97F4A7C15L) ^ processStart.toEpochMilli()));
    }
    return sb.substring(0, chars);
  }

  private SampleTopology.Pod pick(String service) {
    List<SampleTopology.Pod> pods = topology.service(service).pods();
    return pods.get(random.nextInt(pods.size()));
  }

  /**
   * Adds error bursts: from {@code anchor}, every {@code every}, for {@code length}, traces fail
   * with probability {@value #BURST_FAILURE_RATE} instead of 5% (also before the anchor, so the
   * history has them too). The demo anchors them at its start so its alerts fire within minutes.
   */
  public SampleTelemetryGenerator withErrorBursts(Instant anchor, Duration every, Duration length) {
    this.burstAnchor = anchor;
    this.burstEvery = every;
    this.burstLength = length;
    return this;
  }

  /** Whether {@code t} falls in an error burst. */
  boolean inErrorBurst(Instant t) {
    if (burstAnchor == null) {
      return false;
    }
    long offset =
        Math.floorMod(t.toEpochMilli() - burstAnchor.toEpochMilli(), burstEvery.toMillis());
    return offset < burstLength.toMillis();
  }

  private void trace(TelemetryBatch b, Instant start) {
    double failureRate = inErrorBurst(start) ? BURST_FAILURE_RATE : 0.05;
    TraceBuilder t =
        new TraceBuilder(b, hex(32), random.nextDouble() < failureRate, random.nextDouble() < 0.03);
    double kind = random.nextDouble();
    if (kind < 0.08) {
      TraceBuilder.SpanRef root = t.span(null, pick("ingress"), "GET /healthz", "Server", start, 2);
      t.finish(root);
    } else if (kind < 0.14) {
      TraceBuilder.SpanRef root = t.span(null, pick("ledger"), "reconcile", "Internal", start, 40);
      int entries = 2 + random.nextInt(10);
      for (int i = 0; i < entries; i++) {
        t.leaf(root, pick("ledger"), "INSERT ledger_entries", start.plusMillis(3 + i * 4L), 3);
      }
      t.finish(root);
    } else {
      TraceBuilder.SpanRef ingress = t.span(null, pick("frontend"), "GET /", "Server", start, 0);
      double flow = random.nextDouble();
      Instant at = start.plusMillis(1);
      if (flow < 0.55) {
        ingress.name = "GET /products";
        catalog(t, ingress, at);
      } else if (flow < 0.8) {
        ingress.name = "POST /cart";
        TraceBuilder.SpanRef cart = t.span(ingress, pick("cart"), "POST /cart", "Server", at, 0);
        catalog(t, cart, at.plusMillis(1));
        t.leaf(cart, pick("cart"), "SET cart", at.plusMillis(cart.children + 12L), 2);
        t.finish(cart);
      } else {
        ingress.name = "POST /checkout";
        TraceBuilder.SpanRef checkout =
            t.span(ingress, pick("checkout"), "POST /checkout", "Server", at, 0);
        TraceBuilder.SpanRef cart =
            t.span(checkout, pick("cart"), "GET /cart", "Server", at.plusMillis(1), 5);
        t.finish(cart);
        TraceBuilder.SpanRef pay =
            t.span(checkout, pick("payment"), "POST /pay", "Server", at.plusMillis(8), 0);
        TraceBuilder.SpanRef ledger =
            t.span(pay, pick("ledger"), "POST /entries", "Server", at.plusMillis(12), 0);
        t.leaf(ledger, pick("ledger"), "INSERT ledger_entries", at.plusMillis(13), 4);
        t.finish(ledger);
        t.failHere(pay);
        t.finish(pay);
        t.finish(checkout);
      }
      t.finish(ingress);
    }
  }

  private void catalog(TraceBuilder t, TraceBuilder.SpanRef parent, Instant at) {
    TraceBuilder.SpanRef cat = t.span(parent, pick("catalog"), "GET /products", "Server", at, 0);
    int queries = 1 + random.nextInt(20);
    for (int i = 0; i < queries; i++) {
      t.leaf(
          cat,
          pick("catalog"),
          "SELECT products",
          at.plusMillis(1 + i * 2L),
          1 + random.nextInt(3));
    }
    t.finish(cat);
  }

  /** Builds one trace's spans and their logs; parents end after their children. */
  private final class TraceBuilder {
    final class SpanRef {
      final SpanRef parent;
      final SampleTopology.Pod pod;
      final String id = hex(16);
      String name;
      final String kind;
      final Instant start;
      long ownMillis;
      long endMillis;
      int children;
      boolean error;
      final List<Event> events = new ArrayList<>();

      SpanRef(
          SpanRef parent,
          SampleTopology.Pod pod,
          String name,
          String kind,
          Instant start,
          long ownMillis) {
        this.parent = parent;
        this.pod = pod;
        this.name = name;
        this.kind = kind;
        this.start = start;
        this.ownMillis = ownMillis;
      }
    }

    final TelemetryBatch batch;
    final String traceId;
    final boolean failing;
    final boolean slow;

    TraceBuilder(TelemetryBatch batch, String traceId, boolean failing, boolean slow) {
      this.batch = batch;
      this.traceId = traceId;
      this.failing = failing;
      this.slow = slow;
    }

    /** A Client span with no children (a database or cache call), finished at once. */
    void leaf(SpanRef parent, SampleTopology.Pod pod, String name, Instant start, long ownMillis) {
      finish(span(parent, pod, name, "Client", start, ownMillis));
    }

    SpanRef span(
        SpanRef parent,
        SampleTopology.Pod pod,
        String name,
        String kind,
        Instant start,
        long ownMillis) {
      SpanRef s = new SpanRef(parent, pod, name, kind, start, ownMillis);
      if (parent != null) {
        parent.children++;
      }
      return s;
    }

    void failHere(SpanRef s) {
      if (failing) {
        s.error = true;
        s.events.add(
            new Event(
                s.start.plusMillis(3),
                "exception",
                Map.of(
                    "exception.type",
                    "PaymentDeclinedException",
                    "exception.message",
                    "card declined by issuer")));
      }
    }

    void finish(SpanRef s) {
      long own = s.ownMillis + 1 + random.nextInt(5);
      if (slow && s.parent == null) {
        own += 800 + random.nextInt(1500);
      }
      long end = Math.max(s.endMillis, s.start.toEpochMilli() + own);
      s.endMillis = end;
      if (s.parent != null) {
        s.parent.endMillis = Math.max(s.parent.endMillis, end + 1);
        if (s.error) {
          s.parent.error = true;
        }
      }
      long duration = (end - s.start.toEpochMilli()) * 1_000_000 + random.nextInt(1_000_000);
      String status = s.error ? "Error" : s.kind.equals("Server") ? "Ok" : "Unset";
      Map<String, String> attrs = new LinkedHashMap<>();
      if (s.kind.equals("Server")) {
        String[] parts = s.name.split(" ", 2);
        attrs.put("http.method", parts[0]);
        attrs.put("http.route", parts.length > 1 ? parts[1] : s.name);
        attrs.put("http.status_code", s.error ? "500" : "200");
      } else if (s.kind.equals("Client")) {
        attrs.put("db.system", s.pod.service().equals("cart") ? "redis" : "postgresql");
        attrs.put("db.statement", s.name);
      }
      batch.spans.add(
          new TelemetryBatch.Span(
              s.pod.resource(),
              s.pod.service(),
              traceId,
              s.id,
              s.parent == null ? "" : s.parent.id,
              s.name,
              s.kind,
              s.start,
              duration,
              status,
              s.error ? "request failed" : "",
              attrs,
              s.events));
      log(s, duration);
    }

    private void log(SpanRef s, long durationNanos) {
      if (!s.kind.equals("Server") && !s.error) {
        if (random.nextDouble() < 0.1) {
          add(
              s,
              s.start,
              "DEBUG",
              5,
              "query " + s.name + " took " + durationNanos / 1_000_000 + "ms");
        }
        return;
      }
      Instant at = s.start.plusNanos(durationNanos);
      if (s.error) {
        add(s, at, "ERROR", 17, s.name + " failed: card declined by issuer");
      } else if (durationNanos > 500_000_000L) {
        add(s, at, "WARN", 13, s.name + " was slow: " + durationNanos / 1_000_000 + "ms");
      } else {
        add(s, at, "INFO", 9, s.name + " 200 in " + durationNanos / 1_000_000 + "ms");
      }
    }

    private void add(SpanRef s, Instant at, String sev, int num, String body) {
      batch.logs.add(
          new TelemetryBatch.Log(
              s.pod.resource(),
              s.pod.service(),
              at,
              traceId,
              s.id,
              sev,
              num,
              body,
              Map.of(
                  "logger", s.pod.service() + ".http", "thread", "worker-" + random.nextInt(8))));
    }
  }
}
