package io.kubetel.apiserver.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * What a request offers to prove who sent it, independent of the HTTP library: the verified TLS
 * peer chain (leaf first, empty when the client sent none) and the request headers (lower-case
 * names), which the front-proxy request-header authenticator will read.
 */
public record RequestCredentials(
    List<X509Certificate> peerChain, Map<String, List<String>> headers) {

  public RequestCredentials {
    peerChain = List.copyOf(peerChain);
    headers = Map.copyOf(headers);
  }
}
