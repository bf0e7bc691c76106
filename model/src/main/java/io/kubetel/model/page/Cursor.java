package io.kubetel.model.page;

import java.util.List;

/**
 * Keyset position after the last item of a page: the values of the store's sort key for that item.
 * Opaque to callers; the API server signs it into a continue token.
 */
public record Cursor(List<String> parts) {
  public Cursor {
    parts = List.copyOf(parts);
  }
}
