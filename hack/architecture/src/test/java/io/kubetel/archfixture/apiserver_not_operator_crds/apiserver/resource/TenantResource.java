package io.kubetel.archfixture.apiserver_not_operator_crds.apiserver.resource;

/** Breaks the rule: the API server using a CRD type. */
public class TenantResource {
  io.kubetel.archfixture.apiserver_not_operator_crds.crds.Tenant tenant;
}
