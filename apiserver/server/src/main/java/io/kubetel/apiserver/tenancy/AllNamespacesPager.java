package io.kubetel.apiserver.tenancy;

import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An all-namespaces list over several databases: reads them one after the other in database-name
 * order, filling the page from the next database when one runs out, and keeps its position in the
 * cursor as the database name followed by that database's own cursor. Continue tokens (which sign
 * the cursor) and watches (which poll lists) so work across databases unchanged; a database added
 * or removed between pages is simply included or skipped from where the cursor stands.
 */
final class AllNamespacesPager {
  private AllNamespacesPager() {}

  /**
   * Reads one page of {@code request} (no namespace) across {@code scopes}, ordered by database.
   */
  static <T> Page<T> list(
      List<TenantScope> scopes,
      ListRequest request,
      BiFunction<TenantScope, ListRequest, Page<T>> read) {
    Optional<String> resumeDatabase = request.after().flatMap(AllNamespacesPager::database);
    List<T> items = new ArrayList<>();
    int remaining = request.limit();
    for (int i = 0; i < scopes.size(); i++) {
      TenantScope scope = scopes.get(i);
      String database = scope.database().orElseThrow();
      Optional<Cursor> after = Optional.empty();
      if (resumeDatabase.isPresent()) {
        int order = database.compareTo(resumeDatabase.get());
        if (order < 0) {
          continue;
        }
        if (order == 0) {
          after = inner(request.after().get());
        }
      }
      Page<T> page =
          read.apply(
              scope,
              new ListRequest(
                  Optional.empty(),
                  request.window(),
                  request.filters(),
                  after,
                  remaining,
                  request.detail()));
      items.addAll(page.items());
      remaining -= page.items().size();
      if (page.next().isPresent()) {
        return new Page<>(items, Optional.of(outer(database, page.next())));
      }
      if (remaining <= 0) {
        return i + 1 < scopes.size()
            ? new Page<>(
                items,
                Optional.of(outer(scopes.get(i + 1).database().orElseThrow(), Optional.empty())))
            : Page.last(items);
      }
    }
    return Page.last(items);
  }

  /** The cursor naming {@code database} and, if present, the position within it. */
  static Cursor outer(String database, Optional<Cursor> inner) {
    List<String> parts = new ArrayList<>();
    parts.add(database);
    inner.ifPresent(c -> parts.addAll(c.parts()));
    return new Cursor(parts);
  }

  private static Optional<String> database(Cursor cursor) {
    return cursor.parts().isEmpty() ? Optional.empty() : Optional.of(cursor.parts().get(0));
  }

  private static Optional<Cursor> inner(Cursor cursor) {
    List<String> rest = cursor.parts().subList(1, cursor.parts().size());
    return rest.isEmpty() ? Optional.empty() : Optional.of(new Cursor(rest));
  }
}
