package io.fabric8.kubernetes.client.vertx;

/**
 * Stand-in for a class of fabric8's Vert.x HTTP client, which no kubetel module has on its
 * classpath: the apiserver-no-fabric8-vertx-client fixture needs some class of that package to
 * depend on. Named so that it can never shadow a real fabric8 class.
 */
public class ArchFixtureStandIn {}
