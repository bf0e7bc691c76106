package io.kubetel.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads typed values out of JSONEachRow rows (numbers may arrive quoted). */
public final class Rows {
  private Rows() {}

  public static String text(JsonNode row, String field) {
    JsonNode n = row.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  public static long longValue(JsonNode row, String field) {
    JsonNode n = row.get(field);
    return n == null || n.isNull() ? 0 : n.isNumber() ? n.asLong() : Long.parseLong(n.asText());
  }

  public static double doubleValue(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    String t = n.asText();
    return switch (t) {
      case "nan", "NaN" -> Double.NaN;
      case "inf", "+inf", "Infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(t);
    };
  }

  public static double doubleValue(JsonNode row, String field) {
    return doubleValue(row.get(field));
  }

  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  public static long[] longs(JsonNode array) {
    long[] out = new long[array == null ? 0 : array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = array.get(i);
      out[i] = e.isNumber() ? e.asLong() : Long.parseLong(e.asText());
    }
    return out;
  }

  public static double[] doubles(JsonNode array) {
    double[] out = new double[array == null ? 0 : array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubleValue(array.get(i));
    }
    return out;
  }

  /** A map from parallel key and value arrays, sorted by key. */
  public static Map<String, String> map(JsonNode keys, JsonNode values) {
    Map<String, String> out = new TreeMap<>();
    List<String> k = strings(keys);
    List<String> v = strings(values);
    for (int i = 0; i < Math.min(k.size(), v.size()); i++) {
      out.put(k.get(i), v.get(i));
    }
    return new LinkedHashMap<>(out);
  }
}
