package io.fabric8.kubernetes.client.vertx;

/**
 * Stand-in for fabric8's Vert.x HTTP client factory, which no kubetel module has on its classpath:
 * the apiserver-no-fabric8-vertx-client fixture needs a class of that package to depend on.
 */
public class VertxHttpClientFactory {}
