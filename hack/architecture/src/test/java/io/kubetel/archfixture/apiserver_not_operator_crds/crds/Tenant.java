package io.kubetel.archfixture.apiserver_not_operator_crds.crds;

/** Stands for a CRD type. */
public class Tenant {}
