package io.kubetel.apiserver.security;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The front-proxy (request-header) authenticator: trusts {@code X-Remote-User}, {@code
 * X-Remote-Group}, {@code X-Remote-Extra-*} and the UID header (names from the ConfigMap) only on a
 * connection whose client certificate chains to {@code requestheader-client-ca-file} and whose CN
 * is in {@code requestheader-allowed-names} (empty = any CN). Any other connection's headers are
 * ignored. The settings are replaced live when the ConfigMap changes ({@link #update}).
 */
public final class RequestHeaderAuthenticator implements Authenticator {

  /**
   * The front-proxy settings of ConfigMap {@code kube-system/extension-apiserver-authentication}.
   *
   * @param clientCas {@code requestheader-client-ca-file}; empty disables the authenticator
   * @param allowedNames {@code requestheader-allowed-names}; empty allows any CN
   * @param usernameHeaders {@code requestheader-username-headers}
   * @param uidHeaders {@code requestheader-uid-headers}
   * @param groupHeaders {@code requestheader-group-headers}
   * @param extraPrefixes {@code requestheader-extra-headers-prefix}
   */
  public record Settings(
      List<X509Certificate> clientCas,
      Set<String> allowedNames,
      List<String> usernameHeaders,
      List<String> uidHeaders,
      List<String> groupHeaders,
      List<String> extraPrefixes) {
    /** No front proxy configured. */
    public static final Settings NONE =
        new Settings(List.of(), Set.of(), List.of(), List.of(), List.of(), List.of());

    public Settings {
      clientCas = List.copyOf(clientCas);
      allowedNames = Set.copyOf(allowedNames);
      usernameHeaders = lower(usernameHeaders);
      uidHeaders = lower(uidHeaders);
      groupHeaders = lower(groupHeaders);
      extraPrefixes = lower(extraPrefixes);
    }

    private static List<String> lower(List<String> names) {
      return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
  }

  private volatile Settings settings = Settings.NONE;
  private volatile ClientCertificateAuthenticator verifier;

  /** Applies new settings to the following requests. */
  public void update(Settings next) {
    this.verifier =
        next.clientCas().isEmpty() ? null : new ClientCertificateAuthenticator(next.clientCas());
    this.settings = next;
  }

  /** The settings in force. */
  public Settings settings() {
    return settings;
  }

  /**
   * Whether {@code chain} is a front-proxy client certificate under the settings in force (chains
   * to {@code requestheader-client-ca-file}, CN allowed): the connection limits count such
   * connections towards the total only.
   */
  public boolean isFrontProxy(List<X509Certificate> chain) {
    Settings current = settings;
    ClientCertificateAuthenticator currentVerifier = verifier;
    if (currentVerifier == null || chain.isEmpty()) {
      return false;
    }
    try {
      Optional<UserInfo> proxy =
          currentVerifier.authenticate(new RequestCredentials(chain, Map.of()));
      return proxy.isPresent()
          && (current.allowedNames().isEmpty()
              || current.allowedNames().contains(proxy.get().name()));
    } catch (AuthenticationException notTheProxy) {
      return false;
    }
  }

  @Override
  public Optional<UserInfo> authenticate(RequestCredentials credentials) {
    Settings current = settings;
    ClientCertificateAuthenticator currentVerifier = verifier;
    if (currentVerifier == null || credentials.peerChain().isEmpty()) {
      return Optional.empty();
    }
    String user = first(credentials.headers(), current.usernameHeaders());
    if (user == null) {
      return Optional.empty();
    }
    UserInfo proxy;
    try {
      proxy = currentVerifier.authenticate(credentials).orElse(null);
    } catch (AuthenticationException notFromTheProxyCa) {
      return Optional.empty(); // another CA: the headers are ignored, x509 may still apply
    }
    if (proxy == null) {
      return Optional.empty();
    }
    if (!current.allowedNames().isEmpty() && !current.allowedNames().contains(proxy.name())) {
      throw new AuthenticationException("front-proxy client certificate CN is not allowed");
    }
    String uid = first(credentials.headers(), current.uidHeaders());
    List<String> groups = new ArrayList<>();
    for (String header : current.groupHeaders()) {
      groups.addAll(credentials.headers().getOrDefault(header, List.of()));
    }
    Map<String, List<String>> extra = new LinkedHashMap<>();
    credentials
        .headers()
        .forEach(
            (header, values) -> {
              for (String prefix : current.extraPrefixes()) {
                if (header.startsWith(prefix) && header.length() > prefix.length()) {
                  String key = unescape(header.substring(prefix.length()));
                  extra.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
                }
              }
            });
    return Optional.of(new UserInfo(user, uid, groups, extra));
  }

  private static String first(Map<String, List<String>> headers, List<String> names) {
    for (String name : names) {
      List<String> values = headers.get(name);
      if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }

  /** Extra keys are percent-encoded in header names (kube-apiserver decodes them the same way). */
  private static String unescape(String key) {
    try {
      return java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return key;
    }
  }
}
