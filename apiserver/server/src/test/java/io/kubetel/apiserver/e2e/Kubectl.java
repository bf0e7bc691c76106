package io.kubetel.apiserver.e2e;

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

  private final Path kubeconfig;
  private final Path cacheDir;
  private final Path home;

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

  /** Runs {@code kubectl --kubeconfig ... --cache-dir ... <args>} and waits for it. */
  public Result run(String... args) throws IOException, InterruptedException {
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
