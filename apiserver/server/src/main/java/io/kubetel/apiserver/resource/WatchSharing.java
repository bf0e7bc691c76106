package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.cache.CacheScope;
import io.kubetel.apiserver.selection.Selection;
import io.kubetel.apiserver.watch.SharedWatchPolls;
import java.util.List;

/**
 * How a resource's watches share their storage polls: the shared polls, and whose data a namespace
 * reads, so that only watches of one tenant, resource, namespace, selectors and output detail share
 * a poll.
 */
public record WatchSharing(SharedWatchPolls polls, CacheScope tenants) {

  /** The key of the shared poll a watch of {@code plural} with {@code sel} joins. */
  Object key(String plural, Selection sel, boolean tableOnly) {
    return List.of(
        tenants.identityOf(sel.namespace()), plural, sel.namespace(), sel.fingerprint(), tableOnly);
  }
}
