package io.kubetel.archfixture.store_uses_only_model.store;

/** Breaks the rule: the store reaching up into the API server. */
public class ServerAwareReader {
  io.kubetel.archfixture.store_uses_only_model.apiserver.Server server;
}
