package io.kubetel.apiserver.customresources;

/**
 * The operator's API group, {@code kubetel.io/v1alpha1}, which standalone mode serves read-only
 * from files because there is no kube-apiserver to serve its CRDs (Dashboard, AlertRule).
 */
public final class CustomResourceGroup {
  /** API group of the operator's custom resources. */
  public static final String GROUP = "kubetel.io";

  /** The one served version. */
  public static final String VERSION = "v1alpha1";

  /** {@code group/version}, the apiVersion of the objects. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Path prefix of the group-version: {@code /apis/kubetel.io/v1alpha1}. */
  public static final String PATH = "/apis/" + API_VERSION;

  private CustomResourceGroup() {}
}
