package io.kubetel.apiserver.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes the standalone kubeconfig ({@code <state-dir>/kubeconfig}, mode 0600): cluster, user and
 * context all named {@code kubetel}, with the CA, client certificate and client key embedded as
 * base64 data so the file works from any directory.
 */
public final class KubeconfigWriter {
  /** Name of the cluster, user and context in the kubeconfig. */
  public static final String NAME = "kubetel";

  private KubeconfigWriter() {}

  /** Writes the kubeconfig for {@code https://<host>:<port>}. */
  public static void write(Path kubeconfig, StandalonePki pki, String host, int port)
      throws IOException {
    String server = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    String yaml =
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- name: "
            + NAME
            + "\n  cluster:\n"
            + "    server: "
            + server
            + "\n    certificate-authority-data: "
            + base64(pki.caCert())
            + "\nusers:\n"
            + "- name: "
            + NAME
            + "\n  user:\n"
            + "    client-certificate-data: "
            + base64(pki.clientCert())
            + "\n    client-key-data: "
            + base64(pki.clientKey())
            + "\ncontexts:\n"
            + "- name: "
            + NAME
            + "\n  context:\n"
            + "    cluster: "
            + NAME
            + "\n    user: "
            + NAME
            + "\ncurrent-context: "
            + NAME
            + "\npreferences: {}\n";
    PemFiles.writePrivate(kubeconfig, yaml);
  }

  private static String base64(Path file) throws IOException {
    return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
  }
}
