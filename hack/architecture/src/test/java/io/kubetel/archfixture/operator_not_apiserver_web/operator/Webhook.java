package io.kubetel.archfixture.operator_not_apiserver_web.operator;

/** Breaks the rule: the operator serving with Vert.x Web. */
public class Webhook {
  io.vertx.ext.web.Router router;
}
