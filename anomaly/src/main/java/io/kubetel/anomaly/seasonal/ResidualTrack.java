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

  /** sqrt(π/2)·mean|r| estimates the standard deviation of normal noise too. */
  private static final double MEAN_ABS_TO_SIGMA = 1.2533;

  /** The scale is re-estimated every this many points (sorting each point costs throughput). */
  private static final int SCALE_REFRESH = 8;

  /** The share of recent points whose residual may exceed the spike level. */
  private static final double SPIKE_FRACTION = 0.01;

  /** Spikes are remembered over this many residual windows (days, at five-minute points). */
  private static final int SPIKE_MEMORY = 4;

  private final DoubleRing level;
  private final DoubleRing residuals;
  private final DoubleRing recent;
  private final DoubleRing rawResiduals;
  private final int spikeRank;
  private double scale;
  private double spikeLevel;
  private int sinceRefresh;

  ResidualTrack(SeasonalSettings settings, int levelWindow) {
    level = new DoubleRing(levelWindow);
    residuals = new DoubleRing(settings.residualWindow());
    recent = new DoubleRing(settings.shiftConfirm());
    rawResiduals = new DoubleRing(SPIKE_MEMORY * settings.residualWindow());
    spikeRank = Math.max(1, (int) Math.round(rawResiduals.capacity() * SPIKE_FRACTION));
  }

  /**
   * How far off a point must be to be unusual even for this series: the residual exceeded by only
   * {@value #SPIKE_FRACTION} of recent points. On a series with frequent spikes (key presses,
   * bursty disk writes) spikes are its normal, and this keeps them from alerting one by one.
   */
  double spikeLevel() {
    return spikeLevel;
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
    rawResiduals.add(residual);
    level.add(expected + clipped);
    recent.add(value);
    if (++sinceRefresh >= SCALE_REFRESH || residuals.size() < SCALE_REFRESH * 4) {
      sinceRefresh = 0;
      // The MAD is zero on quantised or mostly flat series (any change would alert): the mean
      // absolute residual (of clipped residuals, so still robust to spikes) bounds it from below.
      scale =
          Math.max(
              MAD_TO_SIGMA * residuals.mad(residuals.median()),
              MEAN_ABS_TO_SIGMA * residuals.meanAbs());
      spikeLevel = rawResiduals.isFull() ? rawResiduals.largestAbs(spikeRank) : 0;
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
    rawResiduals.writeTo(out);
    out.putDouble(scale);
    out.putDouble(spikeLevel);
    out.putInt(sinceRefresh);
  }

  void readFrom(ByteBuffer in) {
    level.readFrom(in);
    residuals.readFrom(in);
    recent.readFrom(in);
    rawResiduals.readFrom(in);
    scale = in.getDouble();
    spikeLevel = in.getDouble();
    sinceRefresh = in.getInt();
  }

  int stateBytes() {
    return level.stateBytes()
        + residuals.stateBytes()
        + recent.stateBytes()
        + rawResiduals.stateBytes()
        + 20;
  }
}
