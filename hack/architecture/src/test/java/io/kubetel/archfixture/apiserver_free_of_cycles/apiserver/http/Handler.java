package io.kubetel.archfixture.apiserver_free_of_cycles.apiserver.http;

/** Breaks the rule: with resource.Resource, a cycle between two packages of one module. */
public class Handler {
  io.kubetel.archfixture.apiserver_free_of_cycles.apiserver.resource.Resource other;
}
