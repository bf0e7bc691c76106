package io.kubetel.model.page;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated read. {@code next} is present when more items may follow; a page
 * may hold fewer than the requested limit even then.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
