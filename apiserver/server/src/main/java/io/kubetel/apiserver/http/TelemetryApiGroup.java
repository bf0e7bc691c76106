package io.kubetel.apiserver.http;

/** The aggregated API group and version kubetel serves. */
public final class TelemetryApiGroup {
  /** API group of every telemetry resource. */
  public static final String GROUP = "telemetry.kubetel.io";

  /** The one served version. */
  public static final String VERSION = "v1alpha1";

  /** {@code group/version}, the apiVersion of served objects. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Path prefix of the group-version: {@code /apis/telemetry.kubetel.io/v1alpha1}. */
  public static final String PATH = "/apis/" + API_VERSION;

  private TelemetryApiGroup() {}
}
