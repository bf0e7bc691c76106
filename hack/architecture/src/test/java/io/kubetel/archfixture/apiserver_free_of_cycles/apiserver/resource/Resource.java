package io.kubetel.archfixture.apiserver_free_of_cycles.apiserver.resource;

/** Breaks the rule: with http.Handler, a cycle between two packages of one module. */
public class Resource {
  io.kubetel.archfixture.apiserver_free_of_cycles.apiserver.http.Handler other;
}
