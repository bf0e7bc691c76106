package io.kubetel.apiserver.bench;

import java.util.ArrayList;
import java.util.List;

/** Renders the API benchmark's results as a Markdown table (pasted into docs/benchmarks.md). */
final class ResultTable {
  private final String title;
  private final List<String> lines = new ArrayList<>();

  ResultTable(String title) {
    this.title = title;
  }

  void add(String scenario, Timings.Row r) {
    double apiMedian = r.api().millis(0.5);
    double rawMedian = r.raw().millis(0.5);
    String perRow =
        r.readRows() < 0
            ? "n/a"
            : r.returned() == 0
                ? r.readRows() + " / 0"
                : String.format(
                    "%,d / %,d = %,.0f",
                    r.readRows(), r.returned(), (double) r.readRows() / r.returned());
    lines.add(
        String.format(
            "| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %+.1f | %d | %s |",
            scenario,
            apiMedian,
            r.api().millis(0.99),
            rawMedian,
            r.raw().millis(0.99),
            rawMedian > 0 ? apiMedian / rawMedian : 0,
            apiMedian - rawMedian,
            r.queries(),
            perRow));
    System.out.println(lines.get(lines.size() - 1));
  }

  String render() {
    StringBuilder b = new StringBuilder("\n").append(title).append("\n\n");
    b.append(
        "| request | API median ms | API p99 ms | raw SQL median ms | raw p99 ms | ratio | overhead"
            + " ms | queries | rows read / returned = per row |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    lines.forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }
}
