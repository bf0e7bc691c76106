package io.kubetel.model.alerts;

/**
 * Where one alert series is in its lifecycle: {@code Inactive} (condition does not hold, or
 * resolved), {@code Pending} (holds, {@code for} not yet elapsed) or {@code Firing}.
 */
public enum AlertSeriesState {
  Inactive,
  Pending,
  Firing;

  /** The state stored under {@code name}, {@code Inactive} for an unknown one. */
  public static AlertSeriesState ofStored(String name) {
    for (AlertSeriesState s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return Inactive;
  }
}
