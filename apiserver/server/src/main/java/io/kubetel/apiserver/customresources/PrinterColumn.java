package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.table.Ages;
import io.kubetel.apiserver.table.TableColumn;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code additionalPrinterColumns} entry of a CRD and how to fill its cell from an object, the
 * way kube-apiserver does for custom resources: the first value the JSONPath finds, {@code date}
 * columns as an age, nothing found as an empty cell.
 *
 * <p>Only the JSONPath forms CRDs use are understood: {@code .a.b}, {@code [n]} and {@code
 * [?(@.key=="value")]}; anything else is refused when the CRD is read, so a new column form fails
 * the build's tests instead of showing blank cells.
 */
public record PrinterColumn(
    String name,
    String type,
    String jsonPath,
    int priority,
    String description,
    List<Segment> segments) {
  private static final Pattern SEGMENT =
      Pattern.compile(
          "\\.([A-Za-z0-9_-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_-]+)==\"([^\"]*)\"\\)]");

  /**
   * Parses {@code jsonPath} once, so a form this class cannot evaluate fails here and cells do not
   * parse it again.
   *
   * @throws IllegalArgumentException for an unsupported JSONPath
   */
  public PrinterColumn(
      String name, String type, String jsonPath, int priority, String description) {
    this(name, type, jsonPath, priority, description, segments(jsonPath));
  }

  /** The Table column definition. */
  public TableColumn column() {
    return new TableColumn(name, type, "", description == null ? "" : description, priority);
  }

  /** The cell for {@code object} at {@code now}: a string, number, boolean or null. */
  public Object cell(JsonNode object, Instant now) {
    List<JsonNode> found = List.of(object);
    for (Segment segment : segments) {
      List<JsonNode> next = new ArrayList<>();
      found.forEach(node -> segment.apply(node, next));
      found = next;
    }
    if (found.isEmpty() || found.get(0).isNull() || found.get(0).isMissingNode()) {
      return null;
    }
    JsonNode value = found.get(0);
    if (type.equals("date") && value.isTextual()) {
      try {
        return Ages.human(Duration.between(Instant.parse(value.asText()), now));
      } catch (DateTimeParseException e) {
        return value.asText();
      }
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static List<Segment> segments(String path) {
    List<Segment> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    int at = 0;
    while (at < path.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "unsupported printer column JSONPath \"" + path + "\" at position " + at);
      }
      if (m.group(1) != null) {
        out.add(new Segment(m.group(1), -1, null, null));
      } else if (m.group(2) != null) {
        out.add(new Segment(null, Integer.parseInt(m.group(2)), null, null));
      } else {
        out.add(new Segment(null, -1, m.group(3), m.group(4)));
      }
      at = m.end();
    }
    return List.copyOf(out);
  }

  /** A field, an index, or a filter on array elements whose {@code key} equals {@code value}. */
  record Segment(String field, int index, String key, String value) {
    void apply(JsonNode node, List<JsonNode> out) {
      if (field != null) {
        if (node.has(field)) {
          out.add(node.get(field));
        }
      } else if (index >= 0) {
        if (node.isArray() && node.size() > index) {
          out.add(node.get(index));
        }
      } else if (node.isArray()) {
        node.forEach(
            element -> {
              if (value.equals(element.path(key).asText(null))) {
                out.add(element);
              }
            });
      }
    }
  }
}
