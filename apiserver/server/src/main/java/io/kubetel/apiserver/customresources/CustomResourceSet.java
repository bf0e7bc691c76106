package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The loaded Dashboards and AlertRules: immutable, each kind's objects ordered by namespace then
 * name (the order kube-apiserver lists in), and one resourceVersion for the whole set, derived from
 * the objects' content so it is stable across restarts and changes when a file does.
 */
public final class CustomResourceSet {
  private static final Comparator<ObjectNode> ORDER =
      Comparator.comparing((ObjectNode o) -> o.path("metadata").path("namespace").asText())
          .thenComparing(o -> o.path("metadata").path("name").asText());

  private final Map<String, List<ObjectNode>> byPlural;
  private final String resourceVersion;
  private final List<ObjectNode> receiverSecrets;

  /**
   * @param byPlural each served plural's objects (with complete metadata); missing plurals are
   *     empty
   */
  public CustomResourceSet(Map<String, List<ObjectNode>> byPlural) {
    this(byPlural, List.of());
  }

  /**
   * @param receiverSecrets the Secrets labelled for alert receivers (not served)
   */
  public CustomResourceSet(
      Map<String, List<ObjectNode>> byPlural, List<ObjectNode> receiverSecrets) {
    this.receiverSecrets = List.copyOf(receiverSecrets);
    Map<String, List<ObjectNode>> sorted = new TreeMap<>();
    StringBuilder versions = new StringBuilder();
    byPlural.forEach(
        (plural, objects) -> sorted.put(plural, objects.stream().sorted(ORDER).toList()));
    sorted.forEach(
        (plural, objects) ->
            objects.forEach(
                o ->
                    versions
                        .append(plural)
                        .append('/')
                        .append(o.path("metadata").path("resourceVersion").asText())
                        .append(';')));
    this.byPlural = sorted;
    this.resourceVersion = StableMetadata.resourceVersion(versions.toString());
  }

  /** The resourceVersion of lists: changes whenever any object does. */
  public String resourceVersion() {
    return resourceVersion;
  }

  /** The objects of {@code plural}, in one namespace or (empty) all. */
  public List<ObjectNode> list(String plural, Optional<String> namespace) {
    List<ObjectNode> all = byPlural.getOrDefault(plural, List.of());
    if (namespace.isEmpty()) {
      return all;
    }
    return all.stream()
        .filter(o -> namespace.get().equals(o.path("metadata").path("namespace").asText()))
        .toList();
  }

  /** One object by namespace and name. */
  public Optional<ObjectNode> get(String plural, String namespace, String name) {
    return list(plural, Optional.of(namespace)).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst();
  }

  /** The alert-receiver Secrets of the directory, with their namespace set. */
  public List<ObjectNode> receiverSecrets() {
    return receiverSecrets;
  }

  /** How many objects of {@code plural} there are. */
  public int count(String plural) {
    return byPlural.getOrDefault(plural, List.of()).size();
  }
}
