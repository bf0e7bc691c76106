package io.kubetel.apiserver.paging;

import io.kubetel.model.page.Cursor;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;

/**
 * What a continue token carries: the list it continues (resource, namespace scope, selector
 * fingerprint), the window the first page read (so later pages see the same as-of time), the
 * store's cursor, and when it was issued.
 *
 * @param namespace the namespace scope, empty string for all namespaces
 */
public record ContinueToken(
    String resource,
    String namespace,
    String selectorHash,
    TimeWindow window,
    Cursor cursor,
    Instant issuedAt) {}
