package io.kubetel.archfixture.store_uses_only_model.apiserver;

/** Stands for the API server. */
public class Server {}
