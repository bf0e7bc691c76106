package io.kubetel.archfixture.parsers_model_free_of_http.apiserver.queries;

import io.vertx.core.buffer.Buffer;

/** Breaks the rule: a parser outside the selection package reading a Vert.x buffer. */
public class BodyParser {
  static String parse(Buffer body) {
    return body.toString();
  }
}
