package io.kubetel.apiserver.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An authenticated caller, as Kubernetes models it ({@code user.Info}): what a SubjectAccessReview
 * carries when authorization is delegated to kube-apiserver.
 *
 * @param name user name (a client certificate's CN, the front proxy's X-Remote-User, or a token's
 *     user from TokenReview)
 * @param uid user UID ("" when unknown)
 * @param groups groups (a client certificate's O values, or X-Remote-Group)
 * @param extra extra attributes (X-Remote-Extra-*); empty for client certificates
 */
public record UserInfo(
    String name, String uid, List<String> groups, Map<String, List<String>> extra) {

  public UserInfo {
    Objects.requireNonNull(name, "name");
    uid = uid == null ? "" : uid;
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }

  /** A user without UID. */
  public UserInfo(String name, List<String> groups, Map<String, List<String>> extra) {
    this(name, "", groups, extra);
  }
}
