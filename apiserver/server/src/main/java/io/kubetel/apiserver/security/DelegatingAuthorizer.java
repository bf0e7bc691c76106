package io.kubetel.apiserver.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-mode authorization: every request is a SubjectAccessReview to kube-apiserver (through
 * {@link ReviewApi}), except members of {@code system:masters} (always allowed, as in
 * kube-apiserver's delegated authorization) and members of the metrics group on {@code /metrics}.
 * Decisions are cached per user and request attributes, allowed and denied ones each for their own
 * brief time, in a bounded cache. Blocking on a miss: runs on the auth worker pool. A review that
 * fails (kube-apiserver unreachable or timing out) is not cached and is a {@link
 * ReviewUnavailableException} (500, as kube-apiserver answers a failing authorizer).
 */
public final class DelegatingAuthorizer implements Authorizer {
  private static final Logger log = LoggerFactory.getLogger(DelegatingAuthorizer.class);
  private static final Set<String> ALWAYS_ALLOW_GROUPS = Set.of("system:masters");

  private record Key(UserInfo user, RequestInfo request) {}

  private final ReviewApi reviews;
  private final String metricsGroup;
  private final Cache<Key, AccessDecision> cache;

  /**
   * @param metricsGroup group whose members may read {@code /metrics} without a review; empty for
   *     none
   */
  public DelegatingAuthorizer(
      ReviewApi reviews,
      String metricsGroup,
      Duration allowTtl,
      Duration denyTtl,
      long maxEntries,
      Ticker ticker) {
    this.reviews = reviews;
    this.metricsGroup = metricsGroup;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .ticker(ticker)
            .expireAfter(
                new Expiry<Key, AccessDecision>() {
                  @Override
                  public long expireAfterCreate(Key key, AccessDecision value, long now) {
                    return (value.allowed() ? allowTtl : denyTtl).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      Key key, AccessDecision value, long now, long current) {
                    return expireAfterCreate(key, value, now);
                  }

                  @Override
                  public long expireAfterRead(
                      Key key, AccessDecision value, long now, long current) {
                    return current;
                  }
                })
            .build();
  }

  @Override
  public AccessDecision authorize(UserInfo user, RequestInfo request) {
    if (user.groups().stream().anyMatch(ALWAYS_ALLOW_GROUPS::contains)) {
      return AccessDecision.ALLOW;
    }
    if (!request.resourceRequest()
        && "/metrics".equals(request.path())
        && !metricsGroup.isEmpty()
        && user.groups().contains(metricsGroup)) {
      return AccessDecision.ALLOW;
    }
    try {
      return cache.get(new Key(user, request), key -> reviews.reviewAccess(user, request));
    } catch (RuntimeException e) {
      // Not cached: the next request asks again. Cached decisions keep answering meanwhile.
      log.warn(
          "event=review_failed kind=SubjectAccessReview verb={} resource={} error={}",
          request.verb(),
          request.resourceRequest() ? request.resource() : "-",
          e.getClass().getSimpleName());
      throw new ReviewUnavailableException(
          "Internal error occurred: the authorization check of this request could not be"
              + " completed because kube-apiserver did not answer its SubjectAccessReview; try"
              + " again shortly");
    }
  }
}
