package io.kubetel.crds.tenant;

/** RBAC subject kinds a tenant viewer can be. */
public enum SubjectKind {
  User,
  Group,
  ServiceAccount
}
