package io.kubetel.operator;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests the fabric8 mock API server received, read as Kubernetes API calls (verb, resource,
 * namespace, name, subresource, selectors), so tests can assert what the operator asks the API
 * server: no list per reconcile, no Secret read outside the label selector.
 */
public final class RequestLog {

  /**
   * One API call.
   *
   * @param verb get, list, watch, create, update, patch or delete
   * @param resource plural resource name, e.g. {@code secrets}
   * @param namespace its namespace, or empty
   * @param name the object's name, or empty for collection calls
   * @param subresource e.g. {@code status}, or empty
   * @param query the decoded query parameters
   * @param userAgent the client's User-Agent header, telling the operator from the test
   */
  public record Call(
      String verb,
      String resource,
      String namespace,
      String name,
      String subresource,
      Map<String, String> query,
      String userAgent) {

    /** Whether a client made by {@link #operatorClient} sent it. */
    public boolean byOperator() {
      return OPERATOR_AGENT.equals(userAgent);
    }

    /** The label selector of a list or watch, or empty. */
    public String labelSelector() {
      return query.getOrDefault("labelSelector", "");
    }

    /** The field selector of a list or watch, or empty. */
    public String fieldSelector() {
      return query.getOrDefault("fieldSelector", "");
    }

    @Override
    public String toString() {
      return verb
          + " "
          + resource
          + (subresource.isEmpty() ? "" : "/" + subresource)
          + (namespace.isEmpty() ? "" : " -n " + namespace)
          + (name.isEmpty() ? "" : " " + name)
          + (query.isEmpty() ? "" : " " + query);
    }
  }

  /** The User-Agent of {@link #operatorClient}. */
  public static final String OPERATOR_AGENT = "kubetel-operator-under-test";

  private final List<Call> calls;

  private RequestLog(List<Call> calls) {
    this.calls = calls;
  }

  /**
   * Where the operator's calls are appended ({@code METHOD path} per line) for the packaging
   * module's RbacCoverageTest, which compares them with the RBAC rules the chart ships.
   */
  public static final Path CALLS_FILE = Path.of("target", "kubetel-api-calls", "operator.txt");

  /** Takes every request recorded so far off {@code server} (they are not seen again). */
  public static RequestLog drain(KubernetesMockServer server) throws InterruptedException {
    List<Call> calls = new ArrayList<>();
    StringBuilder byOperator = new StringBuilder();
    RecordedRequest r;
    while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      Call call = parse(r.getMethod(), r.getPath(), r.getHeader("User-Agent"));
      calls.add(call);
      if (call.byOperator()) {
        byOperator.append(r.getMethod()).append(' ').append(r.getPath()).append('\n');
      }
    }
    record(byOperator.toString());
    return new RequestLog(calls);
  }

  private static void record(String lines) {
    try {
      Files.createDirectories(CALLS_FILE.getParent());
      Files.writeString(CALLS_FILE, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client for the operator under test: the same server as {@code client}, but its requests are
   * marked ({@link Call#byOperator}), so a test's own requests do not count.
   */
  public static KubernetesClient operatorClient(KubernetesClient client) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build())
        .build();
  }

  public List<Call> calls() {
    return calls;
  }

  /** The operator's calls only. */
  public RequestLog byOperator() {
    return filter(Call::byOperator);
  }

  /** The calls that {@code match}, as a log. */
  public RequestLog filter(Predicate<Call> match) {
    return new RequestLog(where(match));
  }

  /** The calls that {@code match}. */
  public List<Call> where(Predicate<Call> match) {
    return calls.stream().filter(match).toList();
  }

  /** How many calls there were per {@code verb resource[/subresource]}, most first. */
  public String summary() {
    Map<String, Long> counts =
        calls.stream()
            .collect(
                Collectors.groupingBy(
                    c ->
                        c.verb()
                            + " "
                            + c.resource()
                            + (c.subresource().isEmpty() ? "" : "/" + c.subresource()),
                    TreeMap::new,
                    Collectors.counting()));
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return calls.size() + " " + sorted;
  }

  /** Reads {@code method path} as a Kubernetes API call. */
  static Call parse(String method, String path, String userAgent) {
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    Map<String, String> query = new TreeMap<>();
    if (q >= 0) {
      for (String pair : path.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(decode(key), decode(value));
      }
    }
    List<String> seg = new ArrayList<>(Arrays.asList(rawPath.replaceFirst("^/", "").split("/")));
    // /api/v1/... or /apis/<group>/<version>/...
    int skip = seg.isEmpty() ? 0 : seg.get(0).equals("api") ? 2 : 3;
    List<String> rest = seg.subList(Math.min(skip, seg.size()), seg.size());
    String namespace = "";
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.isEmpty() ? "" : rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : "";
    String subresource = rest.size() > 2 ? rest.get(2) : "";
    String verb =
        switch (method) {
          case "GET" ->
              "true".equals(query.get("watch")) ? "watch" : name.isEmpty() ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return new Call(
        verb, resource, namespace, name, subresource, query, userAgent == null ? "" : userAgent);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
