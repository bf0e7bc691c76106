package io.kubetel.apiserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.ForbiddenMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Request attributes parsed as kube-apiserver parses them, denials worded as kube-apiserver words
 * them, and the bounded, expiring caches of the token authenticator and the SubjectAccessReview
 * authorizer (with a fake {@link ReviewApi} and a manual clock).
 */
class DelegatedAuthorizationTest {
  private static final String G = "telemetry.kubetel.io";
  private static final UserInfo ALICE = new UserInfo("alice", List.of("dev"), Map.of());

  @Test
  void parsesVerbsScopesAndNonResourcePaths() {
    assertThat(RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/namespaces/shop/metrics", false))
        .isEqualTo(
            new RequestInfo(
                true,
                "list",
                "/apis/" + G + "/v1alpha1/namespaces/shop/metrics",
                G,
                "v1alpha1",
                "metrics",
                "shop",
                ""));
    assertThat(RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/metrics", true).verb())
        .isEqualTo("watch");
    RequestInfo get =
        RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/namespaces/a/logs/x", false);
    assertThat(get.verb()).isEqualTo("get");
    assertThat(get.name()).isEqualTo("x");
    RequestInfo create =
        RequestInfo.parse("POST", "/apis/" + G + "/v1alpha1/namespaces/a/queries", false);
    assertThat(create.verb()).isEqualTo("create");
    assertThat(create.resource()).isEqualTo("queries");
    RequestInfo discovery = RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1", false);
    assertThat(discovery.resourceRequest()).isFalse();
    assertThat(discovery.verb()).isEqualTo("get");
    assertThat(RequestInfo.parse("GET", "/openapi/v3", false).resourceRequest()).isFalse();
  }

  @Test
  void denialsAreWordedAsKubeApiserverWordsThem() {
    ApiException list =
        ForbiddenMessages.forbidden(
            ALICE,
            RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/namespaces/shop/metrics", false),
            "");
    assertThat(list.code()).isEqualTo(403);
    assertThat(list.reason()).isEqualTo("Forbidden");
    assertThat(list.getMessage())
        .isEqualTo(
            "metrics.telemetry.kubetel.io is forbidden: User \"alice\" cannot list resource"
                + " \"metrics\" in API group \"telemetry.kubetel.io\" in the namespace \"shop\"");
    ApiException all =
        ForbiddenMessages.forbidden(
            ALICE, RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/metrics", false), "no RBAC");
    assertThat(all.getMessage())
        .isEqualTo(
            "metrics.telemetry.kubetel.io is forbidden: User \"alice\" cannot list resource"
                + " \"metrics\" in API group \"telemetry.kubetel.io\" at the cluster scope: no RBAC");
    ApiException named =
        ForbiddenMessages.forbidden(
            ALICE,
            RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/namespaces/a/traces/t1", false),
            "");
    assertThat(named.getMessage()).startsWith("traces.telemetry.kubetel.io \"t1\" is forbidden: ");
    assertThat(named.name()).isEqualTo("t1");
    ApiException path =
        ForbiddenMessages.forbidden(ALICE, RequestInfo.nonResource("get", "/metrics"), "");
    assertThat(path.getMessage())
        .isEqualTo("forbidden: User \"alice\" cannot get path \"/metrics\"");
  }

  @Test
  void decisionsAreCachedBoundedlyAndExpire() {
    AtomicLong now = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    boolean[] allow = {false};
    ReviewApi reviews =
        new ReviewApi() {
          @Override
          public Optional<UserInfo> reviewToken(String token) {
            calls.incrementAndGet();
            return "good".equals(token) ? Optional.of(ALICE) : Optional.empty();
          }

          @Override
          public AccessDecision reviewAccess(UserInfo user, RequestInfo request) {
            calls.incrementAndGet();
            return allow[0] ? AccessDecision.ALLOW : AccessDecision.deny("");
          }
        };
    DelegatingAuthorizer authorizer =
        new DelegatingAuthorizer(
            reviews,
            "system:monitoring",
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            100,
            now::get);
    RequestInfo list =
        RequestInfo.parse("GET", "/apis/" + G + "/v1alpha1/namespaces/a/logs", false);
    assertThat(authorizer.authorize(ALICE, list).allowed()).isFalse();
    allow[0] = true;
    assertThat(authorizer.authorize(ALICE, list).allowed()).isFalse(); // cached denial
    assertThat(calls.get()).isEqualTo(1);
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(authorizer.authorize(ALICE, list).allowed()).isTrue(); // denial expired
    assertThat(calls.get()).isEqualTo(2);
    UserInfo masters = new UserInfo("root", List.of("system:masters"), Map.of());
    assertThat(authorizer.authorize(masters, list).allowed()).isTrue();
    UserInfo prometheus = new UserInfo("prom", List.of("system:monitoring"), Map.of());
    assertThat(
            authorizer.authorize(prometheus, RequestInfo.nonResource("get", "/metrics")).allowed())
        .isTrue();
    assertThat(calls.get()).isEqualTo(2);

    TokenAuthenticator tokens =
        new TokenAuthenticator(reviews, Duration.ofSeconds(10), 100, now::get);
    RequestCredentials good =
        new RequestCredentials(List.of(), Map.of("authorization", List.of("Bearer good")));
    assertThat(tokens.authenticate(good)).contains(ALICE);
    assertThat(tokens.authenticate(good)).contains(ALICE);
    assertThat(calls.get()).isEqualTo(3);
    RequestCredentials bad =
        new RequestCredentials(List.of(), Map.of("authorization", List.of("Bearer bad")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.authenticate(bad))
        .isInstanceOf(AuthenticationException.class);
    assertThat(tokens.authenticate(new RequestCredentials(List.of(), Map.of()))).isEmpty();
  }
}
