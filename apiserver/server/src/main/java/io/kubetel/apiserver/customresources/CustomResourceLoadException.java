package io.kubetel.apiserver.customresources;

/**
 * A file in {@code --custom-resources-dir} that cannot be served: unreadable YAML, a schema
 * violation, an invalid name or a duplicate. The message names the file, the object and the field,
 * and the server refuses to start (see {@link CustomResourceLoader}).
 */
public final class CustomResourceLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  CustomResourceLoadException(String message) {
    super(message);
  }

  CustomResourceLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
