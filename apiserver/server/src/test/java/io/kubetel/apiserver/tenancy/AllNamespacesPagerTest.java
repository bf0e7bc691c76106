package io.kubetel.apiserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Paging an all-namespaces list across databases: every item of every database exactly once, in
 * database order, whatever the page size, including databases that are empty or end a page exactly.
 */
class AllNamespacesPagerTest {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"));

  @RepeatedTest(20)
  void everyItemOfEveryDatabaseExactlyOnceWhateverThePageSize() {
    Random random = new Random();
    Map<String, List<String>> databases = new TreeMap<>();
    int count = 1 + random.nextInt(6);
    for (int d = 0; d < count; d++) {
      List<String> items = new ArrayList<>();
      int n = random.nextInt(8); // some databases are empty
      for (int i = 0; i < n; i++) {
        items.add(String.format("db%d-item%02d", d, i));
      }
      databases.put("db" + d, items);
    }
    int limit = 1 + random.nextInt(5);

    List<String> seen = readAll(databases, limit);

    List<String> expected = databases.values().stream().flatMap(List::stream).toList();
    assertThat(seen).as("databases %s, limit %d", databases, limit).isEqualTo(expected);
  }

  @Test
  void theCursorNamesTheDatabaseAndItsOwnPosition() {
    Map<String, List<String>> databases =
        new TreeMap<>(Map.of("a", List.of("a1", "a2", "a3"), "b", List.of("b1")));

    Page<String> first = page(databases, Optional.empty(), 2);

    assertThat(first.items()).containsExactly("a1", "a2");
    assertThat(first.next()).contains(new Cursor(List.of("a", "a2")));
    Page<String> second = page(databases, first.next(), 2);
    assertThat(second.items()).containsExactly("a3", "b1");
    assertThat(second.next()).isEmpty();
  }

  @Test
  void aDatabaseRemovedBetweenPagesIsSkippedFromWhereTheCursorStands() {
    Map<String, List<String>> databases =
        new TreeMap<>(Map.of("a", List.of("a1"), "c", List.of("c1")));

    Page<String> page = page(databases, Optional.of(new Cursor(List.of("b", "b7"))), 5);

    assertThat(page.items()).containsExactly("c1");
  }

  private static List<String> readAll(Map<String, List<String>> databases, int limit) {
    List<String> seen = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    for (int guard = 0; guard < 1000; guard++) {
      Page<String> page = page(databases, after, limit);
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      seen.addAll(page.items());
      if (page.next().isEmpty()) {
        return seen;
      }
      after = page.next();
    }
    throw new AssertionError("paging did not end");
  }

  private static Page<String> page(
      Map<String, List<String>> databases, Optional<Cursor> after, int limit) {
    List<TenantScope> scopes =
        databases.keySet().stream()
            .map(db -> TenantScope.untenanted(db, TenantQuotas.CRD_DEFAULTS))
            .toList();
    return AllNamespacesPager.list(
        scopes,
        new ListRequest(Optional.empty(), WINDOW, List.of(), after, limit, false),
        (scope, request) -> read(databases.get(scope.database().get()), request));
  }

  /** One database's keyset read: items after the cursor's item, up to the limit. */
  private static Page<String> read(List<String> items, ListRequest request) {
    int from = request.after().map(c -> items.indexOf(c.parts().get(0)) + 1).orElse(0);
    List<String> page = items.subList(from, Math.min(items.size(), from + request.limit()));
    boolean more = from + page.size() < items.size();
    return more
        ? new Page<>(page, Optional.of(new Cursor(List.of(page.get(page.size() - 1)))))
        : Page.last(page);
  }
}
