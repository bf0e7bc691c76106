package io.kubetel.apiserver.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token authentication through TokenReview. Answers (authenticated or not) are cached
 * briefly and boundedly, keyed by the token's SHA-256 so the cache never holds a token. Blocking on
 * a cache miss: runs on the auth worker pool. A review that fails is a 401, as in kube-apiserver.
 */
public final class TokenAuthenticator implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

  private final ReviewApi reviews;
  private final Cache<String, Optional<UserInfo>> cache;

  public TokenAuthenticator(ReviewApi reviews, Duration ttl, long maxEntries, Ticker ticker) {
    this.reviews = reviews;
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
  }

  @Override
  public Optional<UserInfo> authenticate(RequestCredentials credentials) {
    List<String> values = credentials.headers().getOrDefault("authorization", List.of());
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String value = values.get(0).strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = value.substring(7).strip();
    if (token.isEmpty()) {
      throw new AuthenticationException("empty bearer token");
    }
    Optional<UserInfo> user;
    try {
      user = cache.get(digest(token), key -> reviews.reviewToken(token));
    } catch (RuntimeException e) {
      // kube-apiserver's union authenticator turns a failing TokenReview into 401 Unauthorized;
      // the failure is not cached, so the next request asks again.
      log.warn("event=review_failed kind=TokenReview error={}", e.getClass().getSimpleName());
      throw new AuthenticationException(
          "the bearer token could not be verified: kube-apiserver did not answer its TokenReview;"
              + " try again shortly");
    }
    if (user.isEmpty()) {
      throw new AuthenticationException("invalid bearer token");
    }
    return user;
  }

  private static String digest(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
