package io.kubetel.apiserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubetel.apiserver.testing.PublishedSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} against a server with a given kubeconfig and its own discovery
 * cache directory (a fresh one per instance, so no test reads another's stale discovery).
 */
public final class Kubectl {
  private static final long TIMEOUT_SECONDS = 60;
  private static final String TELEMETRY_API_VERSION = "telemetry.kubetel.io/v1alpha1";
  private static final String OPENAPI_PATH = "/openapi/v3/apis/" + TELEMETRY_API_VERSION;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path kubeconfig;
  private final Path cacheDir;
  private final Path home;
  private PublishedSchemas schemas;

  /**
   * @param kubeconfig kubeconfig to use
   * @param workDir directory for the discovery cache and HOME (created if missing)
   */
  public Kubectl(Path kubeconfig, Path workDir) throws IOException {
    this.kubeconfig = kubeconfig;
    this.cacheDir = Files.createDirectories(workDir.resolve("kube-cache"));
    this.home = Files.createDirectories(workDir.resolve("home"));
  }

  /** The outcome of one kubectl run. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** stdout and stderr together, for assertion messages. */
    public String output() {
      return "exit=" + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /**
   * Runs kubectl like {@link #run} and asserts that it succeeded, showing its output otherwise: the
   * first check of nearly every e2e test, spelled once.
   */
  public Result ok(String... args) throws IOException, InterruptedException {
    Result result = run(args);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result;
  }

  /**
   * Runs {@code kubectl --kubeconfig ... --cache-dir ... <args>} and waits for it. Every telemetry
   * object in its JSON or YAML output is checked against the schema the server publishes for its
   * kind, so a schema that drifts from the served objects fails the test that saw them.
   */
  public Result run(String... args) throws IOException, InterruptedException {
    Result result = runUnchecked(args);
    if (result.exitCode() == 0) {
      checkAgainstPublishedSchemas(result.stdout(), String.join(" ", args));
    }
    return result;
  }

  private void checkAgainstPublishedSchemas(String stdout, String command)
      throws IOException, InterruptedException {
    JsonNode output = parse(stdout);
    if (output == null || !stdout.contains(TELEMETRY_API_VERSION)) {
      return;
    }
    if (schemas == null) {
      Result document = runUnchecked("get", "--raw", OPENAPI_PATH);
      if (document.exitCode() != 0) {
        throw new AssertionError(
            "cannot read the published OpenAPI document: " + document.output());
      }
      schemas = PublishedSchemas.of(JSON.readTree(document.stdout()));
    }
    List<String> problems = schemas.problems(output);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "kubectl "
              + command
              + " returned objects that do not match the published OpenAPI schema:\n"
              + String.join("\n", problems));
    }
  }

  /** The output as JSON (or YAML), or null when it is neither (tables, names, messages). */
  private static JsonNode parse(String stdout) {
    String text = stdout.strip();
    try {
      if (text.startsWith("{")) {
        return JSON.readTree(text);
      }
      if (text.startsWith("apiVersion:") || text.contains("\napiVersion:")) {
        return YAML.readTree(text);
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private Result runUnchecked(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(cacheDir.getParent(), "kubectl", ".out");
    Path err = Files.createTempFile(cacheDir.getParent(), "kubectl", ".err");
    Process process = start(out, err, args);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl timed out: " + String.join(" ", args));
    }
    try {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * Starts kubectl without waiting (for {@code -w}), writing stdout to {@code out} and stderr to
   * {@code err}; the caller destroys the process.
   */
  public Process start(Path out, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("KUBECONFIG");
    return builder.start();
  }
}
