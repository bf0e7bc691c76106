package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.resource.ResourceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind of {@code kubetel.io/v1alpha1} as its generated CRD declares it (names, scope, printer
 * columns, schema), read from the CRD YAML the build copies into the jar under {@code crds/}. The
 * CRD is the one source: discovery, Table columns, OpenAPI and validation all follow it.
 */
public final class CrdKind {
  /** The kinds standalone mode serves from files, by their CRD resource on the classpath. */
  static final List<String> SERVED =
      List.of("crds/dashboards.kubetel.io-v1.yml", "crds/alertrules.kubetel.io-v1.yml");

  private final ResourceInfo info;
  private final List<PrinterColumn> columns;
  private final CrdSchema validator;

  private CrdKind(ResourceInfo info, List<PrinterColumn> columns, CrdSchema validator) {
    this.info = info;
    this.columns = List.copyOf(columns);
    this.validator = validator;
  }

  /** Every served kind, read from the CRDs in the jar; a missing or odd CRD is a build bug. */
  public static List<CrdKind> served() {
    List<CrdKind> kinds = new ArrayList<>();
    for (String resource : SERVED) {
      try (InputStream in = CrdKind.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + resource + " is missing from the jar");
        }
        kinds.add(fromCrd(YamlDocuments.read(in).get(0)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read CRD " + resource, e);
      }
    }
    return kinds;
  }

  /** The kind declared by one CustomResourceDefinition document (its v1alpha1 version). */
  static CrdKind fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    JsonNode version = null;
    for (JsonNode v : spec.path("versions")) {
      if (CustomResourceGroup.VERSION.equals(v.path("name").asText())) {
        version = v;
      }
    }
    if (!CustomResourceGroup.GROUP.equals(spec.path("group").asText()) || version == null) {
      throw new IllegalArgumentException(
          "CRD "
              + crd.path("metadata").path("name").asText()
              + " does not serve "
              + CustomResourceGroup.API_VERSION);
    }
    ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema");
    List<PrinterColumn> columns = new ArrayList<>();
    for (JsonNode c : version.path("additionalPrinterColumns")) {
      columns.add(
          new PrinterColumn(
              c.path("name").asText(),
              c.path("type").asText("string"),
              c.path("jsonPath").asText(),
              c.path("priority").asInt(0),
              c.path("description").asText(null)));
    }
    ResourceInfo info =
        new ResourceInfo(
            names.path("plural").asText(),
            names.path("singular").asText(),
            names.path("kind").asText(),
            strings(names.path("shortNames")),
            "Namespaced".equals(spec.path("scope").asText()),
            // Read-only: files are the source; never delete (see kubernetes-api-notes.md).
            List.of("get", "list", "watch"),
            strings(names.path("categories")),
            schema);
    return new CrdKind(info, columns, new CrdSchema(schema));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** What discovery and OpenAPI publish. */
  public ResourceInfo info() {
    return info;
  }

  /** The kind, e.g. {@code Dashboard}. */
  public String kind() {
    return info.kind();
  }

  /** The plural, e.g. {@code dashboards}. */
  public String plural() {
    return info.plural();
  }

  /** The CRD's printer columns, in order (the Name column comes before them). */
  public List<PrinterColumn> columns() {
    return columns;
  }

  /** Problems of {@code object} against the CRD schema; empty when valid. */
  List<String> problems(JsonNode object) {
    return validator.problems(object);
  }
}
