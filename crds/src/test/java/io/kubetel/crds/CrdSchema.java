package io.kubetel.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractStringAssert;

/**
 * One generated CRD's openAPIV3Schema, checked the way kube-apiserver checks an object: structural
 * JSON-schema validation (networknt, with unknown fields rejected as {@code kubectl
 * --validate=strict} does) plus the {@code x-kubernetes-validations} CEL rules (dev.cel).
 */
public final class CrdSchema {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where the build writes the CRDs (the committed copies next to the pom are identical). */
  static final Path GENERATED = Path.of("target", "classes", "META-INF", "fabric8");

  private final JsonNode crd;
  private final JsonNode openApiSchema;
  private final Schema schema;

  private CrdSchema(JsonNode crd) {
    this.crd = crd;
    this.openApiSchema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    ObjectNode strict = openApiSchema.deepCopy();
    ObjectNode props = (ObjectNode) strict.get("properties");
    props.putObject("apiVersion").put("type", "string");
    props.putObject("kind").put("type", "string");
    props.putObject("metadata").put("type", "object");
    forbidUnknownFields(strict);
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(strict.toString(), InputFormat.JSON);
  }

  /** Loads the generated CRD of {@code plural} (e.g. {@code alertrules}). */
  public static CrdSchema load(String plural) {
    return fromFile(GENERATED.resolve(plural + ".kubetel.io-v1.yml"));
  }

  static CrdSchema fromFile(Path file) {
    try {
      return new CrdSchema(YAML.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode crd() {
    return crd;
  }

  public JsonNode openApiSchema() {
    return openApiSchema;
  }

  /** Problems kube-apiserver would report when creating {@code object}; empty when accepted. */
  public List<String> validate(JsonNode object) {
    return problems(null, object);
  }

  /** Problems on an update from {@code old} to {@code object} (transition rules included). */
  public List<String> validateUpdate(JsonNode old, JsonNode object) {
    return problems(withDefaults(old), object);
  }

  /**
   * Asserts that creating {@code object} fails with exactly one problem, which contains {@code
   * fragments}; returns that problem for further checks.
   */
  public AbstractStringAssert<?> assertRejects(JsonNode object, String... fragments) {
    return assertThat(validate(object)).singleElement().asString().contains(fragments);
  }

  /** {@code object} after {@code change}: a crafted variant of a valid object in one expression. */
  public static ObjectNode changed(ObjectNode object, Consumer<ObjectNode> change) {
    change.accept(object);
    return object;
  }

  /** The spec of a parsed object, to edit in place. */
  public static ObjectNode spec(ObjectNode object) {
    return (ObjectNode) object.get("spec");
  }

  private List<String> problems(JsonNode old, JsonNode object) {
    object = withDefaults(object);
    List<String> problems = new ArrayList<>();
    schema.validate(object.toString(), InputFormat.JSON).forEach(e -> problems.add(e.toString()));
    if (problems.isEmpty()) {
      // kube-apiserver runs CEL rules only on objects that pass the structural schema.
      problems.addAll(CelRules.check(openApiSchema, object, old, "self"));
    }
    return problems;
  }

  /** Parses a YAML document. */
  public static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code object} with schema defaults applied, as kube-apiserver does on decode. */
  public JsonNode withDefaults(JsonNode object) {
    JsonNode copy = object.deepCopy();
    applyDefaults(openApiSchema, copy);
    return copy;
  }

  private static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode obj) {
      JsonNode props = schema.path("properties");
      for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode prop = props.get(name);
        if (!obj.has(name) && prop.has("default")) {
          obj.set(name, prop.get("default").deepCopy());
        }
        if (obj.has(name)) {
          applyDefaults(prop, obj.get(name));
        }
      }
    } else if (value != null && value.isArray() && schema.has("items")) {
      value.forEach(item -> applyDefaults(schema.get("items"), item));
    }
  }

  private static void forbidUnknownFields(JsonNode node) {
    if (!(node instanceof ObjectNode obj)) {
      return;
    }
    if (obj.has("properties")
        && !obj.has("additionalProperties")
        && !obj.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      obj.put("additionalProperties", false);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("properties")) {
        e.getValue().forEach(CrdSchema::forbidUnknownFields);
      } else if (e.getKey().equals("items") || e.getKey().equals("additionalProperties")) {
        forbidUnknownFields(e.getValue());
      }
    }
  }
}
