package io.kubetel.operator;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the operator reaches the Kubernetes API server: in a cluster through its service account (the
 * default), outside one through a kubeconfig file and optionally one of its contexts. Checked when
 * the flags are parsed, so that a wrong path or context stops the operator with a message instead
 * of a connection error later.
 *
 * @param kubeconfig the kubeconfig file; empty for fabric8's discovery (service account, then
 *     {@code KUBECONFIG}, then {@code ~/.kube/config})
 * @param context the kubeconfig context to use; empty for its current context
 */
public record ClusterAccess(Optional<Path> kubeconfig, Optional<String> context) {

  /** The service account in a cluster, else the default kubeconfig and its current context. */
  public static final ClusterAccess DEFAULT = new ClusterAccess(Optional.empty(), Optional.empty());

  /**
   * Why this access cannot work, or empty when it can: the kubeconfig cannot be read or parsed, or
   * the context is not in it.
   */
  public Optional<String> problem() {
    List<Path> files = new ArrayList<>();
    if (kubeconfig.isPresent()) {
      files.add(kubeconfig.get());
    } else if (context.isPresent()) {
      Config.getKubeconfigFilenames().stream()
          .map(Path::of)
          .filter(Files::isRegularFile)
          .forEach(files::add);
      if (files.isEmpty()) {
        return Optional.of(
            "--context "
                + context.get()
                + " needs a kubeconfig: pass --kubeconfig, set KUBECONFIG or create ~/.kube/config");
      }
    }
    TreeSet<String> contexts = new TreeSet<>();
    String current = null;
    for (Path file : files) {
      io.fabric8.kubernetes.api.model.Config parsed;
      try {
        parsed =
            new KubernetesSerialization()
                .unmarshal(Files.readString(file), io.fabric8.kubernetes.api.model.Config.class);
      } catch (IOException e) {
        return Optional.of("cannot read --kubeconfig " + file + ": " + e.getMessage());
      } catch (RuntimeException e) {
        return Optional.of(file + " is not a kubeconfig file: " + e.getMessage());
      }
      if (parsed == null || parsed.getClusters() == null || parsed.getClusters().isEmpty()) {
        return Optional.of(file + " is not a kubeconfig file: it names no cluster");
      }
      if (parsed.getContexts() != null) {
        parsed.getContexts().stream().map(NamedContext::getName).forEach(contexts::add);
      }
      if (current == null && parsed.getCurrentContext() != null) {
        current = parsed.getCurrentContext();
      }
    }
    if (context.isPresent() && !contexts.contains(context.get())) {
      return Optional.of(
          "--context "
              + context.get()
              + " is not in "
              + files
              + (contexts.isEmpty() ? " (it has no contexts)" : " (contexts: " + contexts + ")"));
    }
    if (kubeconfig.isPresent() && context.isEmpty() && (current == null || current.isBlank())) {
      return Optional.of(
          "--kubeconfig " + kubeconfig.get() + " has no current-context: pass --context");
    }
    return Optional.empty();
  }

  /** The fabric8 client configuration this access describes. */
  public Config clientConfig() {
    if (kubeconfig.isPresent()) {
      return Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile());
    }
    return Config.autoConfigure(context.orElse(null));
  }

  @Override
  public String toString() {
    if (kubeconfig.isEmpty() && context.isEmpty()) {
      return "default";
    }
    return "kubeconfig="
        + kubeconfig.map(Path::toString).orElse("default")
        + " context="
        + context.orElse("current");
  }
}
