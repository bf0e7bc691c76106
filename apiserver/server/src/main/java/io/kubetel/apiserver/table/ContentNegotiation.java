package io.kubetel.apiserver.table;

import io.kubetel.apiserver.http.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses between a Table and full JSON objects from the {@code Accept} header, like
 * kube-apiserver: the first acceptable media range (by q, then order) wins; {@code
 * application/json} without {@code as} (or a wildcard, or no header) means objects; {@code
 * as=Table} with {@code g=meta.k8s.io} and {@code v=v1|v1beta1} means a Table. Nothing acceptable
 * is 406 NotAcceptable.
 */
public final class ContentNegotiation {

  private ContentNegotiation() {}

  public static ResponseFormat negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return ResponseFormat.OBJECT;
    }
    List<Range> ranges = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      Range r = Range.parse(parts[i], i);
      if (r != null && r.q > 0) {
        ranges.add(r);
      }
    }
    ranges.sort(Comparator.comparingDouble((Range r) -> -r.q).thenComparingInt(r -> r.order));
    for (Range r : ranges) {
      ResponseFormat f = r.format();
      if (f != null) {
        return f;
      }
    }
    throw new ApiException(
        406,
        "NotAcceptable",
        "only the following media types are accepted: application/json,"
            + " application/json;as=Table;v=v1;g=meta.k8s.io,"
            + " application/json;as=Table;v=v1beta1;g=meta.k8s.io");
  }

  /** One media range of the Accept header. */
  private record Range(String type, Map<String, String> params, double q, int order) {

    static Range parse(String text, int order) {
      String[] pieces = text.split(";");
      String type = pieces[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].strip();
        int eq = p.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String k = p.substring(0, eq).strip();
        String v = p.substring(eq + 1).strip();
        if (k.equals("q")) {
          try {
            q = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            q = 0;
          }
        } else {
          params.put(k, v);
        }
      }
      return new Range(type, params, q, order);
    }

    /** The format this range selects, or null when it is not one we serve. */
    ResponseFormat format() {
      boolean json = type.equals("application/json");
      boolean wildcard = type.equals("*/*") || type.equals("application/*");
      if (!json && !wildcard) {
        return null;
      }
      String as = params.get("as");
      if (as == null) {
        return ResponseFormat.OBJECT;
      }
      if (!json || !as.equals("Table") || !"meta.k8s.io".equals(params.get("g"))) {
        return null;
      }
      String v = params.get("v");
      if ("v1".equals(v) || "v1beta1".equals(v)) {
        return ResponseFormat.table(v);
      }
      return null;
    }
  }
}
