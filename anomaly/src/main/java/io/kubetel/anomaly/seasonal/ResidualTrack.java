package io.kubetel.anomaly.seasonal;

import java.nio.ByteBuffer;

/**
 * One candidate model of a series inside the seasonal baseline: a robust level (median of recent
 * values) and a robust scale (MAD of recent residuals). The baseline runs two — on the raw values
 * and on the de-seasonalised ones — and judges with whichever explains the series better.
 */
final class ResidualTrack {
  /** 1.4826·MAD estimates the standard deviation of normal noise. */
  private static final double MAD_TO_SIGMA = 1.4826;

  /** The scale is re-estimated every this many points (sorting each point costs throughput). */
  private static final int SCALE_REFRESH = 8;

  private final DoubleRing level;
  private final DoubleRing residuals;
  private final DoubleRing recent;
  private double scale;
  private int sinceRefresh;

  ResidualTrack(SeasonalSettings settings, int levelWindow) {
    level = new DoubleRing(levelWindow);
    residuals = new DoubleRing(settings.residualWindow());
    recent = new DoubleRing(settings.shiftConfirm());
  }

  double level() {
    return level.median();
  }

  /** The robust standard deviation of the residuals, never below a floor tied to the level. */
  double scale(double levelValue) {
    return Math.max(scale, Math.max(1e-9, 1e-3 * Math.abs(levelValue)));
  }

  boolean hasResiduals() {
    return residuals.size() > 0;
  }

  /**
   * Learns one value (already de-seasonalised for the seasonal track). An anomalous value is
   * clipped to the edge of the expected band so one spike moves neither level nor scale.
   */
  void learn(double value, double expected, double band) {
    // expected is this track's level: the residual is the value's distance from it.
    double residual = value - expected;
    double clipped = Math.max(-band, Math.min(band, residual));
    residuals.add(clipped);
    level.add(expected + clipped);
    recent.add(value);
    if (++sinceRefresh >= SCALE_REFRESH || residuals.size() < SCALE_REFRESH * 4) {
      sinceRefresh = 0;
      scale = MAD_TO_SIGMA * residuals.mad(residuals.median());
    }
  }

  /** Accepts a level shift: the level restarts from the most recent values. */
  void acceptShift() {
    level.reset(recent.toArray());
  }

  void writeTo(ByteBuffer out) {
    level.writeTo(out);
    residuals.writeTo(out);
    recent.writeTo(out);
    out.putDouble(scale);
    out.putInt(sinceRefresh);
  }

  void readFrom(ByteBuffer in) {
    level.readFrom(in);
    residuals.readFrom(in);
    recent.readFrom(in);
    scale = in.getDouble();
    sinceRefresh = in.getInt();
  }

  int stateBytes() {
    return level.stateBytes() + residuals.stateBytes() + recent.stateBytes() + 12;
  }
}
