package io.kubetel.model.anomalies;

import java.time.Instant;

/**
 * What a series' detector has learned, as saved between scans and across restarts.
 *
 * @param seriesKey namespace and series object name ({@code namespace/name})
 * @param detector the detector's short name; state of another detector is not restored
 * @param state the detector's saved state
 * @param lastPoint the newest point the detector has seen; later scans start after it
 */
public record SeriesState(String seriesKey, String detector, byte[] state, Instant lastPoint) {}
