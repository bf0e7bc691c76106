package io.kubetel.operator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operator under benchmark as its own JVM, started from the packaged jar with real flags (so
 * its memory is measured alone, not together with the mock API server): its peak RSS and CPU time
 * from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}, and its reconcile counters from
 * {@code /metrics}.
 */
final class OperatorProcess implements AutoCloseable {

  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux). */
  private static final double TICKS = 100.0;

  private final Process process;
  private final int managementPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private OperatorProcess(Process process, int managementPort) {
    this.process = process;
    this.managementPort = managementPort;
  }

  /**
   * Starts {@code java <javaOptions> -jar <jar> <flags>} with {@code env} added to the environment
   * and its output in {@code log}, and waits until its {@code /readyz} answers 200.
   */
  static OperatorProcess start(
      Path jar,
      List<String> javaOptions,
      List<String> flags,
      Map<String, String> env,
      Path log,
      Duration timeout)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(flags);
    command.add("--management-address=127.0.0.1");
    command.add("--management-port=" + port);
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only what the benchmark says: no kubeconfig or ClickHouse of the caller's environment.
    pb.environment().keySet().removeIf(k -> k.equals("KUBECONFIG") || k.startsWith("KUBETEL_"));
    pb.environment().putAll(env);
    OperatorProcess operator = new OperatorProcess(pb.start(), port);
    Instant deadline = Instant.now().plus(timeout);
    while (!operator.ready()) {
      if (!operator.process.isAlive() || Instant.now().isAfter(deadline)) {
        operator.close();
        throw new IllegalStateException(
            "the operator did not become ready; its log: "
                + log
                + "\n"
                + String.join("\n", tail(log, 30)));
      }
      Thread.sleep(200);
    }
    return operator;
  }

  /** The packaged operator jar under {@code target}, as {@code mvn package} leaves it. */
  static Path jar(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              p -> p.getFileName().toString().matches("kubetel-operator-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no operator jar in "
                          + target
                          + ": run mvn -pl operator -am package -DskipTests first"
                          + " (hack/bench.sh operator does)"));
    }
  }

  private boolean ready() {
    try {
      return get("/readyz").statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  long pid() {
    return process.pid();
  }

  /** A field of {@code /proc/<pid>/status} in kB (VmHWM: peak resident set; VmRSS: now). */
  long statusKb(String field) throws IOException {
    return statusKb(process.pid(), field);
  }

  static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
  }

  /** User plus system CPU seconds process {@code pid} used so far; -1 when unknown. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // Fields after the command name (which may contain spaces) start after the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The operator's reconcile counters per controller and result, from its Prometheus text, e.g.
   * {@code telemetrytenant/success -> 2000}.
   */
  Map<String, Long> reconciles() throws IOException, InterruptedException {
    Pattern line =
        Pattern.compile(
            "kubetel_operator_reconciliations_total\\{controller=\"([^\"]+)\",operation=\"reconcile\","
                + "result=\"([^\"]+)\"} ([0-9.E+]+)");
    Map<String, Long> out = new TreeMap<>();
    Matcher m = line.matcher(get("/metrics").body());
    while (m.find()) {
      out.merge(m.group(1) + "/" + m.group(2), (long) Double.parseDouble(m.group(3)), Long::sum);
    }
    return out;
  }

  private static List<String> tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(unreadable: " + e + ")");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** SIGTERM (the operator stops gracefully), then kill after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
