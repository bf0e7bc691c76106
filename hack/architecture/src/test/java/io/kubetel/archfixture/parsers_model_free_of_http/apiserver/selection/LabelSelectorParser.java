package io.kubetel.archfixture.parsers_model_free_of_http.apiserver.selection;

/** Breaks the rule: a parser throwing the HTTP layer's exception. */
public class LabelSelectorParser {
  static String parse(String text) {
    if (text.isEmpty()) {
      throw new io.kubetel.archfixture.parsers_model_free_of_http.apiserver.http.ApiException();
    }
    return text;
  }
}
