package io.kubetel.archfixture.model_self_contained.model.query;

/** Breaks the rule: a model class holding a Vert.x type. */
public class VertxQuery {
  io.vertx.core.Vertx vertx;
}
