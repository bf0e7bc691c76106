package io.kubetel.archfixture.parsers_model_free_of_http.apiserver.http;

/** Stands for the server's HTTP error. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
}
