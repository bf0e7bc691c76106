package io.kubetel.apiserver.security;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReviewApi} over fabric8's Kubernetes client (JDK HTTP client): TokenReview ({@code
 * authentication.k8s.io/v1}) and SubjectAccessReview ({@code authorization.k8s.io/v1}). The
 * server's service account needs {@code system:auth-delegator}. Blocking.
 */
public final class KubernetesReviews implements ReviewApi {
  private final KubernetesClient client;

  public KubernetesReviews(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<UserInfo> reviewToken(String token) {
    TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build();
    TokenReview answer = client.authentication().v1().tokenReviews().create(review);
    TokenReviewStatus status = answer == null ? null : answer.getStatus();
    if (status == null
        || !Boolean.TRUE.equals(status.getAuthenticated())
        || status.getUser() == null
        || status.getUser().getUsername() == null) {
      return Optional.empty();
    }
    var user = status.getUser();
    Map<String, List<String>> extra = new LinkedHashMap<>();
    if (user.getExtra() != null) {
      user.getExtra().forEach((k, v) -> extra.put(k, List.copyOf(v)));
    }
    return Optional.of(
        new UserInfo(
            user.getUsername(),
            user.getUid(),
            user.getGroups() == null ? List.of() : user.getGroups(),
            extra));
  }

  @Override
  public AccessDecision reviewAccess(UserInfo user, RequestInfo request) {
    SubjectAccessReviewSpec spec = new SubjectAccessReviewSpec();
    spec.setUser(user.name());
    spec.setUid(user.uid().isEmpty() ? null : user.uid());
    spec.setGroups(new ArrayList<>(user.groups()));
    Map<String, List<String>> extra = new LinkedHashMap<>();
    user.extra().forEach((k, v) -> extra.put(k, new ArrayList<>(v)));
    spec.setExtra(extra);
    if (request.resourceRequest()) {
      ResourceAttributes attributes = new ResourceAttributes();
      attributes.setNamespace(request.namespace());
      attributes.setVerb(request.verb());
      attributes.setGroup(request.group());
      attributes.setVersion(request.version());
      attributes.setResource(request.resource());
      attributes.setName(request.name());
      spec.setResourceAttributes(attributes);
    } else {
      spec.setNonResourceAttributes(new NonResourceAttributes(request.path(), request.verb()));
    }
    SubjectAccessReview review = new SubjectAccessReview();
    review.setSpec(spec);
    SubjectAccessReview answer = client.authorization().v1().subjectAccessReview().create(review);
    SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
    if (status == null) {
      return AccessDecision.deny("");
    }
    boolean allowed =
        Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied());
    return allowed ? AccessDecision.ALLOW : AccessDecision.deny(status.getReason());
  }
}
