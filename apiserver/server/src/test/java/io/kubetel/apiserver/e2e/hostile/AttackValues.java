package io.kubetel.apiserver.e2e.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The attack classes of the hostile-input suite, each a few hand-written values, plus values
 * generated from a fixed seed (so a failure reproduces) by mixing quotes, backslashes, SQL and
 * ClickHouse keywords, unicode and control characters. No value matches any stored telemetry.
 */
public final class AttackValues {
  private AttackValues() {}

  /** Attack class → hand-written values. */
  public static Map<String, List<String>> handWritten() {
    Map<String, List<String>> attacks = new LinkedHashMap<>();
    attacks.put(
        "sql-injection",
        List.of(
            "x' OR '1'='1",
            "x') OR 1=1 --",
            "x' OR 1=1 OR 'a'='b",
            "'; DROP TABLE otel_logs; --",
            "x' UNION ALL SELECT * FROM system.users --"));
    attacks.put(
        "clickhouse-function",
        List.of(
            "x' || (SELECT version()) || '",
            "x' OR has(['a'], 'a') OR 'a'='b",
            "x' OR file('/etc/passwd') != '' OR 'a'='b",
            "x' SETTINGS readonly=0 --",
            "x' OR randomString(8) != '' OR 'a'='b"));
    attacks.put(
        "quotes-and-backslashes",
        List.of("x\\' OR 1=1 --", "x\\", "\\\\' OR ''='", "\"x\" OR \"1\"=\"1\"", "`x` OR 1=1"));
    attacks.put(
        "unicode",
        List.of(
            "ünïcødé-日本語-🙂",
            "x\u202eevil",
            "x\u200b\u200b' OR '1'='1",
            "ʼ OR ʼ1ʼ=ʼ1",
            "\uFF07 OR 1=1"));
    attacks.put("nul-and-control", List.of("x\u0000' OR 1=1 --", "x\r\nX-Injected: 1", "\u0000"));
    attacks.put(
        "very-long",
        List.of("a".repeat(20_000), "x' OR 1=1 --".repeat(2_000), "a".repeat(100_000)));
    attacks.put("huge-number", List.of("99999999999999999999999", "-1", "1e309", "0x7fffffff"));
    attacks.put(
        "deep-nesting",
        List.of(
            "(".repeat(5_000), "[".repeat(5_000) + "]".repeat(5_000), "a in (" + "(".repeat(500)));
    attacks.put(
        "format-and-template",
        List.of("%s%n%x", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "%27%20OR%201=1"));
    return attacks;
  }

  /** {@code count} generated values from {@code seed}. */
  public static List<String> generated(long seed, int count) {
    String[] pieces = {
      "'",
      "\\",
      "\"",
      "--",
      "/*",
      "*/",
      ";",
      " OR ",
      " AND ",
      "1=1",
      "SELECT",
      "UNION",
      "FORMAT",
      "SETTINGS",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      ",",
      "=",
      "!=",
      "%",
      "\u0000",
      "\n",
      "ü",
      "日",
      "🙂",
      "\u202e",
      "x",
      "0",
      "file(",
      "url(",
      "system.",
      "||"
    };
    Random random = new Random(seed);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder v = new StringBuilder("zz");
      int parts = 1 + random.nextInt(8);
      for (int p = 0; p < parts; p++) {
        v.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(v.toString());
    }
    return values;
  }
}
