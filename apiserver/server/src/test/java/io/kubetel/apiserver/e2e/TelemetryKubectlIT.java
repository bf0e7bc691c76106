package io.kubetel.apiserver.e2e;

import static io.kubetel.apiserver.e2e.KnownTelemetry.CARD_DECLINED;
import static io.kubetel.apiserver.e2e.KnownTelemetry.CART_SLOW;
import static io.kubetel.apiserver.e2e.KnownTelemetry.CART_TRACE;
import static io.kubetel.apiserver.e2e.KnownTelemetry.CHECKOUT_TRACE;
import static io.kubetel.apiserver.e2e.KnownTelemetry.DURATION;
import static io.kubetel.apiserver.e2e.KnownTelemetry.LEDGER_OK;
import static io.kubetel.apiserver.e2e.KnownTelemetry.LEDGER_TRACE;
import static io.kubetel.apiserver.e2e.KnownTelemetry.MEMORY;
import static io.kubetel.apiserver.e2e.KnownTelemetry.ORDER_PLACED;
import static io.kubetel.apiserver.e2e.KnownTelemetry.QUEUE;
import static io.kubetel.apiserver.e2e.KnownTelemetry.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.sample.SampleTelemetryGenerator;
import io.kubetel.store.testing.LocalClickHouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end proof of the telemetry API: known telemetry written to a scratch ClickHouse
 * database, the production server ({@code ApiServerMain}) as its own process, and the real kubectl
 * (fresh cache) reading it with every output format, selector, paging, watch, explain and a
 * TelemetryQuery. Assertions are on what kubectl prints. Error cases and the storage outage live in
 * {@link TelemetryKubectlErrorsIT}; discovery/auth without data in {@link StandaloneKubectlIT}.
 */
class TelemetryKubectlIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalClickHouse clickhouse;
  private static ApiServerProcess server;
  private static Kubectl kubectl;
  private static Path work;
  private static Instant sampleFrom;

  @BeforeAll
  static void start() throws Exception {
    clickhouse = LocalClickHouse.start("telemetry_kubectl");
    clickhouse.writer().write(KnownTelemetry.build(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    // Volume for paging, two hours back so it stays out of the default window of the known data.
    sampleFrom = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(2));
    clickhouse
        .writer()
        .write(
            new SampleTelemetryGenerator(
                    7, sampleFrom.minus(Duration.ofMinutes(1)), Duration.ofSeconds(15), 1)
                .generate(sampleFrom, sampleFrom.plus(Duration.ofMinutes(5))));
    work = Files.createTempDirectory(ApiServerProcess.targetDir(), "it-telemetry-");
    server = ApiServerProcess.startOnClickHouse(work, LocalClickHouse.url(), clickhouse.database());
    kubectl = server.kubectl(work.resolve("kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    ApiServerProcess.closeAll(server, clickhouse);
  }

  @Test
  void apiResourcesAndGetTelemetryCoverEveryResource() throws Exception {
    Kubectl.Result resources =
        ok("api-resources", "--api-group=telemetry.kubetel.io", "-o", "wide");
    Kubectl.Result all = ok("get", "telemetry", "-n", "shop");

    assertThat(resources.stdout())
        .contains("metrics", "traces", "logs", "queries")
        .containsPattern("metrics\\s+met\\s+telemetry.kubetel.io/v1alpha1\\s+true\\s+Metric");
    // One section per resource kind with data: metrics, traces and logs of namespace shop.
    assertThat(all.stdout())
        .contains(REQUESTS, MEMORY, DURATION)
        .contains(CHECKOUT_TRACE, CART_TRACE)
        .contains(ORDER_PLACED, CARD_DECLINED, CART_SLOW)
        .doesNotContain(QUEUE, LEDGER_TRACE, LEDGER_OK);
  }

  @Test
  void getMetricsInNamespaceShowsColumnsAndExactValues() throws Exception {
    Kubectl.Result result = ok("get", "metrics", "-n", "shop");

    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.get(0)).matches("NAME\\s+METRIC\\s+TYPE\\s+SERVICE\\s+LAST\\s+UNIT\\s+AGE");
    assertThat(lines).hasSize(1 + 5);
    assertThat(row(lines, MEMORY, "checkout")).containsPattern("Gauge\\s+checkout\\s+300\\s+By");
    assertThat(row(lines, MEMORY, "cart")).containsPattern("Gauge\\s+cart\\s+50\\s+By");
    assertThat(row(lines, DURATION, "checkout")).contains("Histogram").contains("ms");
    assertThat(lines.stream().filter(l -> l.contains(REQUESTS) && l.contains("Sum"))).hasSize(2);
  }

  @Test
  void allNamespacesAddsNamespaceColumn() throws Exception {
    Kubectl.Result result = ok("get", "metrics", "-A");

    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.get(0)).startsWith("NAMESPACE").contains("NAME", "METRIC");
    assertThat(row(lines, QUEUE, "ledger")).startsWith("payments ");
    assertThat(row(lines, MEMORY, "cart")).startsWith("shop ");
  }

  @Test
  void wideAddsStatisticsColumns() throws Exception {
    Kubectl.Result result = ok("get", "metrics", "-n", "shop", "-o", "wide");

    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.get(0))
        .containsPattern("UNIT\\s+AGE\\s+POD\\s+MIN\\s+MAX\\s+AVG\\s+COUNT\\s+RATE\\s+P99");
    // checkout memory: 100, 200, 300 -> min 100, max 300, avg 200, 3 points.
    assertThat(row(lines, MEMORY, "checkout"))
        .containsPattern("checkout-1\\s+100\\s+300\\s+200\\s+3\\b");
  }

  @Test
  void jsonListHasKindsLabelsAndPoints() throws Exception {
    JsonNode list = JSON.readTree(ok("get", "metrics", "-n", "shop", "-o", "json").stdout());

    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).hasSize(5);
    for (JsonNode item : list.path("items")) {
      assertThat(item.path("kind").asText()).isEqualTo("Metric");
      assertThat(item.path("apiVersion").asText()).isEqualTo("telemetry.kubetel.io/v1alpha1");
      assertThat(item.path("metadata").path("namespace").asText()).isEqualTo("shop");
      assertThat(item.path("status").path("points").isArray()).as(item.toString()).isTrue();
      assertThat(item.path("status").path("points")).isNotEmpty();
    }
    JsonNode prod = metric(list, REQUESTS, "env", "prod");
    assertThat(prod.path("metadata").path("labels").path("service").asText()).isEqualTo("checkout");
    assertThat(prod.path("metadata").path("labels").path("type").asText()).isEqualTo("Sum");
    assertThat(prod.path("status").path("last").asDouble()).isEqualTo(40.0);
    assertThat(prod.path("status").path("points")).hasSize(3);
    assertThat(prod.path("spec").path("attributes").path("http.route").asText()).isEqualTo("/pay");
  }

  @Test
  void yamlListAndGetMetricByNameIncludePoints() throws Exception {
    JsonNode list = JSON.readTree(ok("get", "metrics", "-n", "shop", "-o", "json").stdout());
    String name =
        metric(list, MEMORY, "service", "checkout").path("metadata").path("name").asText();

    Kubectl.Result table = ok("get", "metric", name, "-n", "shop");
    Kubectl.Result yaml = ok("get", "met", name, "-n", "shop", "-o", "yaml");
    Kubectl.Result listYaml = ok("get", "metrics", "-n", "shop", "-o", "yaml");

    assertThat(name).startsWith(MEMORY);
    assertThat(table.stdout().lines()).hasSize(2);
    assertThat(table.stdout()).contains(name).containsPattern("Gauge\\s+checkout\\s+300");
    assertThat(yaml.stdout())
        .contains("kind: Metric", "name: " + name, "metricName: " + MEMORY, "points:")
        .contains("value: 100", "value: 200", "value: 300");
    assertThat(listYaml.stdout()).contains("kind: List", "points:", "metricName: " + REQUESTS);
  }

  @Test
  void labelSelectorsSupportEveryOperator() throws Exception {
    assertThat(metricRows("-l", "env=prod")).containsExactly(REQUESTS + " prod");
    assertThat(metricRows("-l", "env in (prod,staging)"))
        .containsExactlyInAnyOrder(REQUESTS + " prod", REQUESTS + " staging");
    assertThat(metricRows("-l", "env")).hasSize(2);
    List<String> notProd = metricRows("-l", "env!=prod");
    assertThat(notProd).hasSize(4).doesNotContain(REQUESTS + " prod");
    assertThat(metricRows("-l", "env notin (prod)")).isEqualTo(notProd);
    assertThat(metricRows("-l", "!env")).hasSize(3).allMatch(r -> !r.startsWith(REQUESTS));
    assertThat(metricRows("-l", "service=cart,type=Gauge")).containsExactly(MEMORY + " ");

    Kubectl.Result traces = ok("get", "traces", "-A", "-l", "service=checkout");
    assertThat(traces.stdout()).contains(CHECKOUT_TRACE).doesNotContain(CART_TRACE, LEDGER_TRACE);
    // On traces, service means "took part": ledger is a child span of the checkout trace.
    Kubectl.Result ledger = ok("get", "traces", "-A", "-l", "service=ledger", "-o", "name");
    assertThat(sorted(ledger.stdout()))
        .containsExactly(
            "trace.telemetry.kubetel.io/" + CHECKOUT_TRACE,
            "trace.telemetry.kubetel.io/" + LEDGER_TRACE);
  }

  @Test
  void fieldSelectorsForEachResourceIncludingWindow() throws Exception {
    Kubectl.Result histograms =
        ok("get", "metrics", "-n", "shop", "--field-selector=type=Histogram");
    Kubectl.Result notCheckout =
        ok(
            "get",
            "metrics",
            "-n",
            "shop",
            "--field-selector",
            "metric=" + MEMORY + ",service!=checkout");
    Kubectl.Result errors = ok("get", "traces", "-n", "shop", "--field-selector", "status=Error");
    Kubectl.Result anySpan = ok("get", "traces", "-A", "--field-selector", "span=charge");
    Kubectl.Result byTrace =
        ok("get", "logs", "-n", "shop", "--field-selector", "traceId=" + CHECKOUT_TRACE);
    Kubectl.Result severe = ok("get", "logs", "-A", "--field-selector", "severity=ERROR");
    // All known points are at least two minutes old: a one-minute window holds none of them.
    Kubectl.Result lastMinute = ok("get", "metrics", "-n", "shop", "--field-selector=window=1m");

    assertThat(histograms.stdout().lines()).hasSize(2);
    assertThat(histograms.stdout()).contains(DURATION);
    assertThat(notCheckout.stdout().lines()).hasSize(2);
    assertThat(notCheckout.stdout()).contains(MEMORY).containsPattern("Gauge\\s+cart\\s+50");
    assertThat(errors.stdout()).contains(CHECKOUT_TRACE).doesNotContain(CART_TRACE);
    assertThat(anySpan.stdout()).contains(CHECKOUT_TRACE).doesNotContain(CART_TRACE, LEDGER_TRACE);
    assertThat(byTrace.stdout()).contains(ORDER_PLACED, CARD_DECLINED).doesNotContain(CART_SLOW);
    assertThat(byTrace.stdout().lines()).hasSize(3);
    assertThat(severe.stdout()).contains(CARD_DECLINED).doesNotContain(ORDER_PLACED, LEDGER_OK);
    assertThat(lastMinute.stdout()).isEmpty();
    assertThat(lastMinute.stderr()).contains("No resources found in shop namespace.");
  }

  @Test
  void chunkedListingReturnsTheSameObjectsOverSeveralRequests() throws Exception {
    Kubectl.Result whole = ok("get", "metrics", "-n", "shop", "-o", "name");
    Kubectl.Result chunked =
        ok("get", "metrics", "-n", "shop", "-o", "name", "--chunk-size=2", "-v=6");
    // Volume: the sample telemetry, read through its own start/end window across namespaces.
    String window = "start=" + sampleFrom + ",end=" + sampleFrom.plus(Duration.ofMinutes(6));
    Kubectl.Result sample = ok("get", "metrics", "-A", "--field-selector", window, "-o", "name");
    Kubectl.Result sampleChunked =
        ok(
            "get",
            "metrics",
            "-A",
            "--field-selector",
            window,
            "-o",
            "name",
            "--chunk-size=40",
            "-v=6");

    assertThat(whole.stdout().lines()).hasSize(5);
    assertThat(sorted(chunked.stdout())).isEqualTo(sorted(whole.stdout()));
    assertThat(count(chunked.stderr(), "continue=")).isGreaterThanOrEqualTo(2);
    assertThat(sample.stdout().lines().count()).isGreaterThan(80);
    assertThat(sorted(sampleChunked.stdout())).isEqualTo(sorted(sample.stdout()));
    assertThat(count(sampleChunked.stderr(), "continue=")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void getTracesAndTraceByNameShowsSpanTree() throws Exception {
    Kubectl.Result list = ok("get", "traces", "-n", "shop");
    Kubectl.Result wide = ok("get", "tr", "-n", "shop", "-o", "wide");
    JsonNode trace =
        JSON.readTree(ok("get", "trace", CHECKOUT_TRACE, "-n", "shop", "-o", "json").stdout());
    Kubectl.Result yaml = ok("get", "trace", CHECKOUT_TRACE, "-n", "shop", "-o", "yaml");

    List<String> lines = list.stdout().lines().toList();
    assertThat(lines.get(0))
        .matches("NAME\\s+ROOT SERVICE\\s+ROOT SPAN\\s+SPANS\\s+DURATION\\s+STATUS\\s+AGE");
    assertThat(lines).hasSize(3);
    assertThat(row(lines, CHECKOUT_TRACE)).containsPattern("checkout\\s+POST /checkout\\s+4\\s");
    assertThat(row(lines, CHECKOUT_TRACE)).contains("Error");
    assertThat(row(lines, CART_TRACE)).containsPattern("cart\\s+GET /cart\\s+1\\s");
    assertThat(wide.stdout().lines().findFirst().orElseThrow()).contains("SERVICES", "ERRORS");

    JsonNode root = trace.path("status").path("spans");
    root = root.isArray() ? root.get(0) : root;
    assertThat(root.path("service").asText()).isEqualTo("checkout");
    List<String> children = new ArrayList<>();
    root.path("children").forEach(c -> children.add(c.path("service").asText()));
    assertThat(children).containsExactlyInAnyOrder("cart", "payments");
    JsonNode charge = find(root.path("children"), "payments");
    assertThat(charge.path("status").asText()).isEqualTo("Error");
    assertThat(charge.path("events").get(0).path("name").asText()).isEqualTo("exception");
    assertThat(charge.path("children").get(0).path("service").asText()).isEqualTo("ledger");
    assertThat(yaml.stdout())
        .contains("children:", "service: payments", "service: ledger", "name: exception")
        .contains("PaymentDeclinedException", "spanCount: 4");
  }

  @Test
  void sortByOrdersTableRows() throws Exception {
    List<String> traces =
        ok("get", "tr", "-n", "shop", "--sort-by=.status.spanCount")
            .stdout()
            .lines()
            .skip(1)
            .map(l -> l.split("\\s+")[0])
            .toList();
    List<String> logs =
        ok("get", "logs", "-n", "shop", "--sort-by=.spec.severityNumber").stdout().lines().toList();

    assertThat(traces).containsExactly(CART_TRACE, CHECKOUT_TRACE);
    assertThat(logs.get(1)).contains(ORDER_PLACED);
    assertThat(logs.get(2)).contains(CART_SLOW);
    assertThat(logs.get(3)).contains(CARD_DECLINED);
  }

  @Test
  void getLogsShowsSeverityServiceAndBody() throws Exception {
    Kubectl.Result result = ok("get", "logs", "-n", "shop");
    Kubectl.Result wide = ok("get", "lr", "-n", "shop", "-o", "wide");

    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.get(0)).matches("NAME\\s+TIME\\s+SEVERITY\\s+SERVICE\\s+BODY");
    assertThat(lines).hasSize(4);
    assertThat(row(lines, CARD_DECLINED)).containsPattern("ERROR\\s+payments\\s+" + CARD_DECLINED);
    assertThat(row(lines, CART_SLOW)).containsPattern("WARN\\s+cart\\s+" + CART_SLOW);
    assertThat(row(wide.stdout().lines().toList(), CARD_DECLINED))
        .contains("payments-1", CHECKOUT_TRACE, KnownTelemetry.CHARGE_SPAN);
  }

  @Test
  void watchSeesNewLogsArriveAndAppliesSelectorsInTheStream() throws Exception {
    Path out = work.resolve("watch.out");
    Path err = work.resolve("watch.err");
    String info = "watched-" + UUID.randomUUID();
    String error = "filtered-" + UUID.randomUUID();
    Process watch =
        kubectl.start(
            out, err, "get", "logs", "-n", "payments", "-w", "--field-selector=severity=INFO");
    try {
      awaitOutput(watch, out, err, LEDGER_OK);
      // Both rows land in one insert, so one poll sees both: only the INFO one may show.
      clickhouse.writer().write(KnownTelemetry.ledgerLogs(Instant.now(), info, error));
      awaitOutput(watch, out, err, info);
    } finally {
      watch.destroy();
      watch.waitFor();
    }
    String seen = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(seen.lines().filter(l -> l.contains(info)))
        .singleElement()
        .asString()
        .containsPattern("INFO\\s+ledger\\s+" + info);
    assertThat(seen).doesNotContain(error);
  }

  @Test
  void explainDescribesStatusFields() throws Exception {
    Kubectl.Result metricsStatus = ok("explain", "metrics.status");
    Kubectl.Result traces = ok("explain", "traces");

    assertThat(metricsStatus.stdout()).contains("KIND:", "Metric", "FIELDS:", "points", "last");
    assertThat(traces.stdout()).contains("KIND:", "Trace", "DESCRIPTION:", "status");
  }

  @Test
  void createTelemetryQueryReturnsSeriesPerGroup() throws Exception {
    Path manifest =
        query("mem", "  metric: " + MEMORY, "  aggregation: max", "  groupBy: [service]");

    Kubectl.Result result = ok("create", "-f", manifest.toString(), "-o", "json");

    JsonNode q = JSON.readTree(result.stdout());
    assertThat(q.path("kind").asText()).isEqualTo("TelemetryQuery");
    Map<String, Double> maxByService = new TreeMap<>();
    for (JsonNode series : q.path("status").path("series")) {
      double max = Double.NEGATIVE_INFINITY;
      for (JsonNode p : series.path("points")) {
        max = Math.max(max, p.path("value").asDouble());
      }
      maxByService.put(series.path("labels").path("service").asText(), max);
    }
    assertThat(maxByService).isEqualTo(Map.of("cart", 50.0, "checkout", 300.0));
    Kubectl.Result yaml = ok("create", "-f", manifest.toString(), "-o", "yaml");
    assertThat(yaml.stdout()).contains("series:", "service: checkout", "aggregation: max");
  }

  @Test
  void createTelemetryQueryWithBadAggregationOrStepIsRejected() throws Exception {
    Kubectl.Result aggregation =
        kubectl.run(
            "create",
            "-f",
            query("bad-agg", "  metric: " + MEMORY, "  aggregation: p42").toString());
    Kubectl.Result step =
        kubectl.run(
            "create",
            "-f",
            query("bad-step", "  metric: " + MEMORY, "  step: 5 minutes").toString());

    assertThat(aggregation.exitCode()).as(aggregation.output()).isEqualTo(1);
    // 422 Invalid about the named object, one cause per problem (kubectl prints "field: problem").
    assertThat(aggregation.stderr())
        .startsWith("The TelemetryQuery \"bad-agg\" is invalid: spec.aggregation:")
        .contains("is invalid", "spec.aggregation", "Unsupported value: \"p42\"")
        .contains("supported values: avg, sum, min, max, count, rate, p50, p90, p95, p99");
    assertThat(step.exitCode()).as(step.output()).isEqualTo(1);
    assertThat(step.stderr())
        .startsWith("The TelemetryQuery \"bad-step\" is invalid: spec.step: Invalid value:")
        .contains("\"5 minutes\" is not a duration");
  }

  private static Path query(String name, String... specLines) throws Exception {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "apiVersion: telemetry.kubetel.io/v1alpha1",
                "kind: TelemetryQuery",
                "metadata:",
                "  name: " + name,
                "  namespace: shop",
                "spec:",
                "  signal: metrics",
                "  range: 15m"));
    lines.addAll(Arrays.asList(specLines));
    return Files.writeString(work.resolve(name + ".yaml"), String.join("\n", lines) + "\n");
  }

  /** Runs kubectl and asserts it succeeded. */
  private static Kubectl.Result ok(String... args) throws Exception {
    return kubectl.ok(args);
  }

  /** "metric env" for each metric in shop selected by {@code args} (from -o json). */
  private static List<String> metricRows(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("get", "metrics", "-n", "shop", "-o", "json"));
    command.addAll(Arrays.asList(args));
    List<String> rows = new ArrayList<>();
    for (JsonNode item : JSON.readTree(ok(command.toArray(String[]::new)).stdout()).path("items")) {
      JsonNode labels = item.path("metadata").path("labels");
      rows.add(labels.path("metric").asText() + " " + labels.path("env").asText());
    }
    rows.sort(null);
    return rows;
  }

  private static JsonNode metric(JsonNode list, String metric, String label, String value) {
    for (JsonNode item : list.path("items")) {
      JsonNode labels = item.path("metadata").path("labels");
      if (labels.path("metric").asText().equals(metric)
          && labels.path(label).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + metric + " with " + label + "=" + value + " in " + list);
  }

  private static JsonNode find(JsonNode spans, String service) {
    for (JsonNode s : spans) {
      if (s.path("service").asText().equals(service)) {
        return s;
      }
    }
    throw new AssertionError("no span of " + service + " in " + spans);
  }

  /** The one table line containing every needle. */
  private static String row(List<String> lines, String... needles) {
    List<String> found =
        lines.stream().filter(l -> Arrays.stream(needles).allMatch(l::contains)).toList();
    assertThat(found).as("rows with %s in %s", List.of(needles), lines).hasSize(1);
    return found.get(0);
  }

  private static List<String> sorted(String text) {
    return text.lines().sorted().collect(Collectors.toList());
  }

  private static long count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    return m.results().count();
  }

  /** Waits (bounded) until the watch output contains {@code needle}. */
  private static void awaitOutput(Process watch, Path out, Path err, String needle)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.readString(out, StandardCharsets.UTF_8).contains(needle)) {
      assertThat(watch.isAlive())
          .as("kubectl -w exited: %s", Files.readString(err, StandardCharsets.UTF_8))
          .isTrue();
      assertThat(Instant.now())
          .as("watch output never showed %s:\n%s", needle, Files.readString(out))
          .isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
