package io.kubetel.store.testing;

import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination over an in-memory list already in the store's order: the items after the
 * request's cursor, at most its limit, with a cursor (the last item's key) when more remain.
 */
final class KeysetPage {
  private KeysetPage() {}

  static <T> Page<T> of(
      List<T> sorted, ListRequest r, Function<T, List<String>> key, Comparator<List<String>> cmp) {
    List<T> rest =
        r.after()
            .map(
                c -> sorted.stream().filter(i -> cmp.compare(key.apply(i), c.parts()) > 0).toList())
            .orElse(sorted);
    if (rest.size() <= r.limit()) {
      return Page.last(rest);
    }
    List<T> items = rest.subList(0, r.limit());
    return new Page<>(items, Optional.of(new Cursor(key.apply(items.get(items.size() - 1)))));
  }
}
