package io.kubetel.crds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a schema's {@code x-kubernetes-validations} rules on an object with dev.cel, binding
 * {@code self} (and {@code oldSelf} on updates) like kube-apiserver does. Transition rules (those
 * using {@code oldSelf}) run only when an old value exists.
 */
final class CelRules {

  /** CEL reserved words; kube-apiserver exposes such property names as {@code __word__}. */
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();

  private static final Map<String, CelAbstractSyntaxTree> COMPILED = new HashMap<>();

  private CelRules() {}

  /** Every rule violated under {@code schema} for {@code value}, as "path: message". */
  static List<String> check(JsonNode schema, JsonNode value, JsonNode old, String path) {
    List<String> problems = new ArrayList<>();
    if (value == null || value.isMissingNode() || value.isNull()) {
      return problems;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expr = rule.get("rule").asText();
      boolean transition = expr.contains("oldSelf");
      if (transition && (old == null || old.isMissingNode())) {
        continue;
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", toCel(value));
      if (transition) {
        vars.put("oldSelf", toCel(old));
      }
      if (!evaluate(expr, vars)) {
        problems.add(
            path + rule.path("fieldPath").asText("") + ": " + rule.get("message").asText());
      }
    }
    JsonNode props = schema.path("properties");
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      problems.addAll(
          check(
              props.get(name),
              value.get(name),
              old == null ? null : old.get(name),
              path + "." + name));
    }
    JsonNode items = schema.path("items");
    if (!items.isMissingNode() && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        // Kubernetes correlates list items for oldSelf only for map lists; rules here do not need
        // it.
        problems.addAll(check(items, value.get(i), null, path + "[" + i + "]"));
      }
    }
    return problems;
  }

  private static boolean evaluate(String expr, Map<String, Object> vars) {
    try {
      CelAbstractSyntaxTree ast = COMPILED.get(expr);
      if (ast == null) {
        ast = CEL.compile(expr).getAst();
        COMPILED.put(expr, ast);
      }
      Object result = CEL.createProgram(ast).eval(vars);
      if (!(result instanceof Boolean b)) {
        throw new AssertionError("rule " + expr + " returned " + result + ", not a bool");
      }
      return b;
    } catch (CelValidationException e) {
      throw new AssertionError("rule does not compile: " + expr + ": " + e.getMessage(), e);
    } catch (CelEvaluationException e) {
      throw new AssertionError("rule fails to evaluate: " + expr + ": " + e.getMessage(), e);
    }
  }

  /** JSON to the values CEL expects: maps, lists, strings, longs, doubles, booleans. */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e ->
                  map.put(
                      RESERVED.contains(e.getKey()) ? "__" + e.getKey() + "__" : e.getKey(),
                      toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
