package io.kubetel.apiserver.table;

/**
 * What a request asked for, after content negotiation.
 *
 * @param table whether to answer with a {@code meta.k8s.io} Table
 * @param tableApiVersion {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1} for tables
 * @param contentType the response Content-Type
 */
public record ResponseFormat(boolean table, String tableApiVersion, String contentType) {

  public static final ResponseFormat OBJECT = new ResponseFormat(false, null, "application/json");

  public static ResponseFormat table(String version) {
    return new ResponseFormat(
        true,
        "meta.k8s.io/" + version,
        "application/json;as=Table;v=" + version + ";g=meta.k8s.io");
  }
}
