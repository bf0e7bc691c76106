package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.resource.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Dashboards and AlertRules that standalone mode serves from a directory: every {@code
 * *.yaml} and {@code *.yml} below it (sorted, multi-document files allowed). Documents of {@code
 * kubetel.io/v1alpha1} with a served kind are validated against their CRD; every other document
 * (TelemetryQuery examples, TelemetryTenants, unlabelled Secrets) is skipped with an {@code
 * event=custom_resource_skipped} log line. Secrets labelled {@code kubetel.io/alert-receivers=true}
 * are kept, never served, for the AlertRules' receivers (as the operator reads only those).
 *
 * <p>Bad-file policy: any invalid served object (YAML syntax, CRD schema, name, duplicate) fails
 * the whole load, so the server refuses to start with a message naming the file, the object and the
 * field. Skipping would leave a dashboard silently missing from kubectl and the UI; a refusal is
 * seen at once and fixed by editing the file. A missing namespace defaults to {@code default}.
 *
 * <p>Runs at startup, before the event loop exists; never on it.
 */
public final class CustomResourceLoader {
  private static final Logger log = LoggerFactory.getLogger(CustomResourceLoader.class);
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final Map<String, CrdKind> kinds = new HashMap<>();

  public CustomResourceLoader(List<CrdKind> kinds) {
    kinds.forEach(k -> this.kinds.put(k.kind(), k));
  }

  /** Loads every served object below {@code directory}. */
  public CustomResourceSet load(Path directory) throws CustomResourceLoadException {
    if (!Files.isDirectory(directory)) {
      throw new CustomResourceLoadException(
          "--custom-resources-dir " + directory + " is not a directory");
    }
    Map<String, List<ObjectNode>> byPlural = new HashMap<>();
    List<ObjectNode> receiverSecrets = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files(directory)) {
      List<JsonNode> documents = read(file);
      for (int i = 0; i < documents.size(); i++) {
        Source source = new Source(file, i + 1, documents.size() > 1);
        JsonNode document = documents.get(i);
        if (ReceiverSecretDocuments.isReceiverSecret(document)) {
          receiverSecrets.add(ReceiverSecretDocuments.withNamespace((ObjectNode) document));
          log.info("event=receiver_secret_loaded source=\"{}\"", source);
          continue;
        }
        CrdKind kind = servedKind(document, source);
        if (kind == null) {
          continue;
        }
        ObjectNode object = complete(kind, (ObjectNode) document.deepCopy(), source);
        String key = kind.kind() + " " + namespacedName(object);
        Path first = seen.putIfAbsent(key, file);
        if (first != null) {
          throw new CustomResourceLoadException(
              source + ": " + key + " is defined twice (also in " + first + ")");
        }
        byPlural.computeIfAbsent(kind.plural(), p -> new ArrayList<>()).add(object);
      }
    }
    CustomResourceSet set = new CustomResourceSet(byPlural, receiverSecrets);
    kinds
        .values()
        .forEach(
            k ->
                log.info(
                    "event=custom_resources_loaded kind={} count={} dir={}",
                    k.kind(),
                    set.count(k.plural()),
                    directory));
    return set;
  }

  private static List<Path> files(Path directory) throws CustomResourceLoadException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CustomResourceLoadException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static List<JsonNode> read(Path file) throws CustomResourceLoadException {
    try (InputStream in = Files.newInputStream(file)) {
      return YamlDocuments.read(in);
    } catch (JacksonException e) {
      throw new CustomResourceLoadException(
          file + ": not valid YAML: " + e.getOriginalMessage() + location(e), e);
    } catch (IOException e) {
      throw new CustomResourceLoadException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** The CRD of a served document, or null (logged) for a document this server does not serve. */
  private CrdKind servedKind(JsonNode document, Source source) {
    String apiVersion = document.path("apiVersion").asText("");
    String kind = document.path("kind").asText("");
    if (CustomResourceGroup.API_VERSION.equals(apiVersion) && kinds.containsKey(kind)) {
      return kinds.get(kind);
    }
    log.info(
        "event=custom_resource_skipped source=\"{}\" apiVersion={} kind={} reason=\"only {}"
            + " {} are served\"",
        source,
        apiVersion.isEmpty() ? "<none>" : apiVersion,
        kind.isEmpty() ? "<none>" : kind,
        CustomResourceGroup.API_VERSION,
        kinds.keySet().stream().sorted().toList());
    return null;
  }

  /** Checks the object and adds what the API server sets: namespace, uid, versions, timestamp. */
  private ObjectNode complete(CrdKind kind, ObjectNode object, Source source)
      throws CustomResourceLoadException {
    JsonNode metadata = object.path("metadata");
    String what = kind.kind() + " \"" + metadata.path("name").asText("") + "\"";
    if (!metadata.isObject()) {
      throw invalid(source, kind.kind(), "metadata", "Required value");
    }
    String name = metadata.path("name").asText("");
    if (name.isEmpty()) {
      throw invalid(source, kind.kind(), "metadata.name", "Required value");
    }
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw invalid(
          source,
          what,
          "metadata.name",
          "Invalid value \"" + name + "\": must be a lowercase RFC 1123 subdomain");
    }
    ObjectNode meta = (ObjectNode) metadata;
    String namespace = meta.path("namespace").asText("");
    if (namespace.isEmpty()) {
      namespace = "default";
      meta.put("namespace", namespace);
    } else if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      throw invalid(
          source,
          what,
          "metadata.namespace",
          "Invalid value \"" + namespace + "\": must be a lowercase RFC 1123 label");
    }
    List<String> problems = kind.problems(object);
    if (!problems.isEmpty()) {
      throw new CustomResourceLoadException(
          source
              + ": "
              + what
              + " is invalid against the "
              + kind.plural()
              + "."
              + CustomResourceGroup.GROUP
              + " CRD: "
              + String.join("; ", problems));
    }
    // Content first, then the fields derived from it, so the version covers what users wrote.
    String content = object.toString();
    meta.put("uid", StableMetadata.uid(kind.kind(), namespace, name));
    meta.put("resourceVersion", StableMetadata.resourceVersion(content));
    meta.put("generation", 1);
    if (!meta.hasNonNull("creationTimestamp")) {
      meta.put("creationTimestamp", ApiJson.timestamp(modified(source.file())));
    }
    return object;
  }

  /** The file's modification time: stable across restarts, and a meaningful AGE column. */
  private static Instant modified(Path file) throws CustomResourceLoadException {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new CustomResourceLoadException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static CustomResourceLoadException invalid(
      Source source, String what, String field, String message) {
    return new CustomResourceLoadException(
        source + ": " + what + " is invalid: " + field + ": " + message);
  }

  private static String namespacedName(JsonNode object) {
    return object.path("metadata").path("namespace").asText()
        + "/"
        + object.path("metadata").path("name").asText();
  }

  /** Where a document came from, as messages print it. */
  private record Source(Path file, int document, boolean multi) {
    @Override
    public String toString() {
      return multi ? file + " (document " + document + ")" : file.toString();
    }
  }
}
