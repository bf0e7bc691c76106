package io.kubetel.store.layout;

import io.kubetel.model.problem.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The physical name of each telemetry table role ({@link Tables}): the exporter's defaults unless
 * the user's exporter was configured otherwise ({@code logs_table_name}, {@code traces_table_name},
 * {@code metrics_tables.*}). Written as {@code logs=my_logs,gauge=my_gauge}; keys are {@code logs},
 * {@code traces}, {@code gauge}, {@code sum}, {@code histogram}, {@code exponential_histogram} and
 * {@code summary}. Like the exporter, the trace-id index and its view follow the traces table's
 * name ({@code <traces>_trace_id_ts}, {@code <traces>_trace_id_ts_mv}).
 */
public final class TableNames {
  /** The exporter's default names. */
  public static final TableNames DEFAULTS = new TableNames(Map.of());

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,190}");

  /** Configuration key to role. */
  private static final Map<String, String> KEYS = keys();

  private final Map<String, String> overrides;

  private TableNames(Map<String, String> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("logs", Tables.LOGS);
    keys.put("traces", Tables.TRACES);
    keys.put("gauge", Tables.GAUGE);
    keys.put("sum", Tables.SUM);
    keys.put("histogram", Tables.HISTOGRAM);
    keys.put("exponential_histogram", Tables.EXP_HISTOGRAM);
    keys.put("summary", Tables.SUMMARY);
    return Map.copyOf(keys);
  }

  /** Whether {@code name} is acceptable as a table name. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Parses {@code key=name,...}; empty means the defaults.
   *
   * @throws InvalidInputException naming the bad entry, key or name
   */
  public static TableNames parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return DEFAULTS;
    }
    Map<String, String> overrides = new TreeMap<>();
    for (String entry : spec.split(",", -1)) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(
            "table name mapping '" + entry + "' must be key=name, e.g. logs=my_logs");
      }
      String key = entry.substring(0, eq).trim();
      String name = entry.substring(eq + 1).trim();
      String role = KEYS.get(key);
      if (role == null) {
        throw new InvalidInputException(
            "unknown table '"
                + key
                + "' in the table name mapping: use one of "
                + String.join(", ", new TreeMap<>(KEYS).keySet()));
      }
      if (!isValidName(name)) {
        throw new InvalidInputException(
            "invalid table name '"
                + name
                + "' for "
                + key
                + ": must match [A-Za-z_][A-Za-z0-9_]{0,190}");
      }
      if (overrides.put(role, name) != null) {
        throw new InvalidInputException("table '" + key + "' is mapped twice");
      }
    }
    return new TableNames(overrides);
  }

  /** The physical name of a role. */
  public String name(String role) {
    if (!Tables.ALL.contains(role)) {
      throw new IllegalArgumentException("unknown table role '" + role + "'");
    }
    String traces = overrides.getOrDefault(Tables.TRACES, Tables.TRACES);
    return switch (role) {
      case Tables.TRACE_ID_TS -> traces + "_trace_id_ts";
      case Tables.TRACE_ID_TS_MV -> traces + "_trace_id_ts_mv";
      default -> overrides.getOrDefault(role, role);
    };
  }

  /** Whether the role keeps the exporter's default name. */
  public boolean isDefault(String role) {
    return name(role).equals(role);
  }

  /** The mapping as written ({@code key=name,...}; empty for the defaults). */
  @Override
  public String toString() {
    return KEYS.entrySet().stream()
        .filter(e -> overrides.containsKey(e.getValue()))
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + overrides.get(e.getValue()))
        .collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableNames other && overrides.equals(other.overrides);
  }

  @Override
  public int hashCode() {
    return overrides.hashCode();
  }
}
