package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real server reads every escaped literal back as exactly the original string. */
class SqlLiteralIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("literal");

  @Test
  void hostileStringsRoundTripThroughTheServer() {
    List<String> values =
        new java.util.ArrayList<>(
            List.of(
                "' OR 1=1 --",
                "\\'",
                "\\",
                "'''",
                "a\nb\r\tc",
                "✓ ünïcödé 😀",
                "'; DROP TABLE x; --",
                "\\\\'\\"));
    Random r = new Random(1);
    String alphabet = "'\\\"\n;-` x✓\t";
    for (int i = 0; i < 50; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = r.nextInt(20); j > 0; j--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      values.add(sb.toString());
    }
    for (String v : values) {
      var rows = ch.gateway().select("SELECT " + SqlLiteral.string(v) + " AS v FORMAT JSONEachRow");
      assertThat(rows)
          .singleElement()
          .satisfies(row -> assertThat(row.get("v").asText()).isEqualTo(v));
    }
  }
}
