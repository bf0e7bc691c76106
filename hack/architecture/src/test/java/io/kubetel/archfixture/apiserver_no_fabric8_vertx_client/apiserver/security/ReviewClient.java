package io.kubetel.archfixture.apiserver_no_fabric8_vertx_client.apiserver.security;

/** Breaks the rule: the API server using fabric8's Vert.x HTTP client. */
public class ReviewClient {
  io.fabric8.kubernetes.client.vertx.ArchFixtureStandIn client;
}
