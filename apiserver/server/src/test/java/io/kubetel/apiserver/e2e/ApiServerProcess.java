package io.kubetel.apiserver.e2e;

import io.kubetel.apiserver.security.PemFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The API server as a separate JVM, started from the packaged layout ({@code
 * target/kubetel-apiserver.jar} + {@code target/lib/}, plus test classes for test-only wiring) in
 * standalone mode on a free loopback port. Ready once {@code <state-dir>/kubeconfig} exists (the
 * server writes it only after it listens). {@link #close()} sends SIGTERM, waits, and fails when
 * the server's log reports a blocked event loop.
 */
public final class ApiServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SERVER = Pattern.compile("server: (https://[^\\s]+)");

  private final Process process;
  private final Path stateDir;
  private final Path log;
  private final String baseUrl;

  private ApiServerProcess(Process process, Path stateDir, Path log, String baseUrl) {
    this.process = process;
    this.stateDir = stateDir;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** The Maven build directory holding the packaged server (system property set by failsafe). */
  public static Path targetDir() {
    String target = System.getProperty("kubetel.apiserver.target");
    if (target == null || target.isBlank()) {
      throw new IllegalStateException(
          "system property kubetel.apiserver.target is not set; run the ITs with mvn verify");
    }
    return Path.of(target);
  }

  /**
   * Starts the production binary ({@code ApiServerMain}) with its state under {@code work/state},
   * reading ClickHouse database {@code database} at {@code clickhouseUrl}, plus {@code extraArgs}:
   * the start every kubectl IT over ClickHouse shares, so the flag wiring is spelled once.
   */
  public static ApiServerProcess startOnClickHouse(
      Path work, String clickhouseUrl, String database, String... extraArgs)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--clickhouse-url", clickhouseUrl, "--clickhouse-database", database));
    args.addAll(List.of(extraArgs));
    return start(work.resolve("state"), "io.kubetel.apiserver.ApiServerMain", args);
  }

  /**
   * Closes each resource that was started, in the given order (server first, then what it reads),
   * so an {@code @AfterAll} also copes with a {@code @BeforeAll} that failed half-way.
   */
  public static void closeAll(AutoCloseable... resources) throws Exception {
    for (AutoCloseable resource : resources) {
      if (resource != null) {
        resource.close();
      }
    }
  }

  /**
   * Starts {@code mainClass} with {@code --standalone --state-dir <stateDir> --bind-address
   * 127.0.0.1 --secure-port 0} plus {@code extraArgs}, and waits for its kubeconfig.
   */
  public static ApiServerProcess start(Path stateDir, String mainClass, List<String> extraArgs)
      throws IOException, InterruptedException {
    Path target = targetDir();
    Path jar = target.resolve("kubetel-apiserver.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; the ITs run after mvn package");
    }
    Files.createDirectories(stateDir);
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            jar.toString(),
            target.resolve("lib").toString() + "/*",
            target.resolve("test-classes").toString());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(coverageAgent());
    // The production logging config, not the test one that target/test-classes also carries.
    command.add("-Dlogback.configurationFile=logback.xml");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(
        List.of(
            "--standalone",
            "--state-dir",
            stateDir.toString(),
            "--bind-address",
            "127.0.0.1",
            "--secure-port",
            "0"));
    command.addAll(extraArgs);
    Path log = stateDir.resolve("server.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path kubeconfig = stateDir.resolve("kubeconfig");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!Files.isRegularFile(kubeconfig)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      if (Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException("server did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    Matcher matcher = SERVER.matcher(Files.readString(kubeconfig, StandardCharsets.UTF_8));
    if (!matcher.find()) {
      throw new IllegalStateException("no server URL in " + kubeconfig);
    }
    return new ApiServerProcess(process, stateDir, log, matcher.group(1));
  }

  /**
   * Starts {@link E2eServerMain} (empty store) in <em>cluster</em> mode on a free loopback port
   * with {@code args} (certificate files, delegation flags), and waits until {@code /livez} answers
   * over TLS trusting {@code servingCa}. Logs go to {@code dir/server.log}.
   */
  public static ApiServerProcess startCluster(Path dir, Path servingCa, List<String> args)
      throws IOException, InterruptedException, GeneralSecurityException {
    return startCluster(dir, servingCa, E2eServerMain.class.getName(), args);
  }

  /**
   * As {@link #startCluster(Path, Path, List)} with another main class, e.g. {@code ApiServerMain}
   * itself to read a real ClickHouse ({@code --clickhouse-url} in {@code args}).
   */
  public static ApiServerProcess startCluster(
      Path dir, Path servingCa, String mainClass, List<String> args)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path target = targetDir();
    Files.createDirectories(dir);
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            target.resolve("kubetel-apiserver.jar").toString(),
            target.resolve("lib").toString() + "/*",
            target.resolve("test-classes").toString());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(coverageAgent());
    command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp"));
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of("--bind-address", "127.0.0.1", "--secure-port", Integer.toString(port)));
    command.addAll(args);
    Path log = dir.resolve("server.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ApiServerProcess server = new ApiServerProcess(process, dir, log, "https://127.0.0.1:" + port);
    HttpClient client = httpClient(servingCa, null, null);
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (server.get(client, "/livez", Map.of()).statusCode() == 200) {
          return server;
        }
      } catch (IOException notYetListening) {
        // retry
      }
      if (Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException("server did not start:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path kubeconfig() {
    return stateDir.resolve("kubeconfig");
  }

  /** {@code https://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The server's combined stdout/stderr so far. */
  public String logText() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** A {@link Kubectl} for this server with a fresh cache under {@code workDir}. */
  public Kubectl kubectl(Path workDir) throws IOException {
    return new Kubectl(kubeconfig(), workDir);
  }

  /**
   * An HTTP client trusting the server's CA; with {@code clientCert} it presents the admin client
   * certificate from the state directory.
   */
  public HttpClient httpClient(boolean clientCert) throws IOException, GeneralSecurityException {
    Path pki = stateDir.resolve("pki");
    return clientCert
        ? httpClient(pki.resolve("ca.crt"), pki.resolve("client.crt"), pki.resolve("client.key"))
        : httpClient(pki.resolve("ca.crt"), null, null);
  }

  /**
   * An HTTP/1.1 client trusting {@code caCert}, presenting {@code clientCert}/{@code clientKey}
   * when not null.
   */
  public static HttpClient httpClient(Path caCert, Path clientCert, Path clientKey)
      throws IOException, GeneralSecurityException {
    return HttpClient.newBuilder()
        .sslContext(sslContext(caCert, clientCert, clientKey))
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * A TLS context trusting {@code caCert}, presenting {@code clientCert}/{@code clientKey} when not
   * null (also for raw sockets).
   */
  public static SSLContext sslContext(Path caCert, Path clientCert, Path clientKey)
      throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PemFiles.readCertificates(caCert).get(0));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (clientCert != null) {
      char[] password = "changeit".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          PemFiles.readPrivateKey(clientKey),
          password,
          PemFiles.readCertificates(clientCert).toArray(X509Certificate[]::new));
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
    }
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ssl;
  }

  /** {@code GET path} with the given headers. */
  public HttpResponse<String> get(HttpClient client, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code request} built against this server's base URL. */
  public HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The server's process id (for benchmarks reading its CPU time and RSS from /proc). */
  public long pid() {
    return process.pid();
  }

  /** Sends SIGTERM and waits for the exit code. */
  public int stop() throws InterruptedException {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  /**
   * Stops the server.
   *
   * @throws AssertionError when its log reports a blocked event loop (blocking work belongs on the
   *     worker pools)
   */
  @Override
  public void close() throws InterruptedException {
    stop();
    List<String> blocked;
    try {
      blocked =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(line -> line.contains("event=event_loop_blocked"))
              .toList();
    } catch (IOException e) {
      return; // no log to check
    }
    if (!blocked.isEmpty()) {
      throw new AssertionError("the API server's event loop was blocked: " + blocked);
    }
  }

  /**
   * The JaCoCo agent of this IT JVM (appending to its file), so a server process's code counts
   * towards the coverage gate like in-process tests do; none when coverage is off.
   */
  private static List<String> coverageAgent() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-javaagent:") && arg.contains("jacoco"))
        .toList();
  }
}
