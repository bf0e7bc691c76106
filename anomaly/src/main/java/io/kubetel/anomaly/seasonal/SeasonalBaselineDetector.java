package io.kubetel.anomaly.seasonal;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Verdict;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The robust seasonal baseline: value = level + seasonal profile + residual. The level is the
 * median of recent de-seasonalised values, the seasonal profile a slowly learned offset per
 * time-of-season bucket, and a point is anomalous when its residual exceeds {@code sensitivity}
 * robust standard deviations (1.4826·MAD of recent residuals). Anomalies are clipped before they
 * are learned, so a spike does not widen the band; a run of {@code shiftConfirm} anomalies on one
 * side is a level shift, which is accepted (the level restarts there) instead of alerting forever.
 * The seasonal profile is used only while it explains the series better than the level alone, so a
 * series without a season is judged on its level. A few kilobytes of state.
 */
public final class SeasonalBaselineDetector implements AnomalyDetector {
  private static final byte VERSION = 1;

  /** The profile is trusted once each bucket has seen this many points. */
  private static final int PROFILE_MIN_POINTS = 3;

  /** The seasonal track must cut the residual scale by this factor to be used. */
  private static final double SEASON_GAIN = 0.8;

  private final SeasonalSettings settings;
  private final double[] profile;
  private final int[] profileCounts;
  private final ResidualTrack plain;
  private final ResidualTrack seasonal;
  private long points;
  private int run;

  SeasonalBaselineDetector(SeasonalSettings settings) {
    this.settings = settings;
    int buckets = settings.seasonMillis() > 0 ? settings.bucketsPerSeason() : 0;
    profile = new double[buckets];
    profileCounts = new int[buckets];
    plain = new ResidualTrack(settings, settings.levelWindow());
    seasonal = new ResidualTrack(settings, settings.seasonalLevelWindow());
  }

  @Override
  public Verdict update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return Verdict.learning(value);
    }
    int bucket = bucketOf(timestampMillis);
    boolean profileReady = bucket >= 0 && profileCounts[bucket] >= PROFILE_MIN_POINTS;
    double offset = profileReady ? profile[bucket] : 0;

    double plainLevel = plain.level();
    double seasonalLevel = seasonal.level();
    double plainScale = plain.scale(plainLevel);
    double seasonalScale = seasonal.scale(seasonalLevel);
    boolean useSeason = profileReady && seasonalScale < SEASON_GAIN * plainScale;
    double expected = useSeason ? seasonalLevel + offset : plainLevel;
    double scale = useSeason ? seasonalScale : plainScale;
    double spikeLevel = (useSeason ? seasonal : plain).spikeLevel();

    double k = settings.sensitivity();
    boolean warm = points >= settings.warmupPoints() && plain.hasResiduals();
    double residual = value - expected;
    double score = warm ? Math.abs(residual) / scale : 0;
    // The band is k robust deviations, widened to the series' usual spikes.
    double halfWidth = Math.max(k * scale, spikeLevel);
    boolean anomalous = warm && Math.abs(residual) > halfWidth;
    Verdict verdict =
        warm
            ? new Verdict(
                score,
                anomalous ? 1 - halfWidth / Math.abs(residual) : 0,
                expected - halfWidth,
                expected + halfWidth,
                anomalous)
            : Verdict.learning(value);

    // Nothing is clipped while warming up: the first level and scale are still being found.
    double plainBand = warm ? k * plainScale : Double.POSITIVE_INFINITY;
    double seasonalBand = warm ? k * seasonalScale : Double.POSITIVE_INFINITY;
    plain.learn(value, plainLevel, plainBand);
    seasonal.learn(value - offset, seasonalLevel, seasonalBand);
    // The profile is learned against a settled level only, or the first day would teach it the
    // level.
    if (bucket >= 0 && warm) {
      learnProfile(bucket, value - seasonalLevel, seasonalBand);
    }
    points++;
    trackShift(anomalous, residual);
    return verdict;
  }

  private int bucketOf(long timestampMillis) {
    if (profile.length == 0) {
      return -1;
    }
    long season = settings.seasonMillis();
    return (int) (Math.floorMod(timestampMillis, season) * profile.length / season);
  }

  private void learnProfile(int bucket, double deviation, double band) {
    if (profileCounts[bucket] == 0) {
      profile[bucket] = deviation;
    } else {
      double clipped =
          Math.max(profile[bucket] - band, Math.min(profile[bucket] + band, deviation));
      profile[bucket] += settings.profileDecay() * (clipped - profile[bucket]);
    }
    profileCounts[bucket] = Math.min(profileCounts[bucket] + 1, 1 << 20);
  }

  /** Consecutive anomalies on one side: after {@code shiftConfirm} of them, a new level. */
  private void trackShift(boolean anomalous, double residual) {
    if (!anomalous) {
      run = 0;
      return;
    }
    int sign = residual > 0 ? 1 : -1;
    run = Integer.signum(run) == sign ? run + sign : sign;
    if (Math.abs(run) >= settings.shiftConfirm()) {
      plain.acceptShift();
      seasonal.acceptShift();
      run = 0;
    }
  }

  @Override
  public byte[] saveState() {
    int size = 1 + 8 + 4 + 4 + profile.length * 12 + plain.stateBytes() + seasonal.stateBytes();
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION).putLong(points).putInt(run).putInt(profile.length);
    for (int i = 0; i < profile.length; i++) {
      out.putDouble(profile[i]).putInt(profileCounts[i]);
    }
    plain.writeTo(out);
    seasonal.writeTo(out);
    return out.array();
  }

  void load(byte[] state) {
    try {
      ByteBuffer in = ByteBuffer.wrap(state);
      if (in.get() != VERSION) {
        throw new IllegalArgumentException("unknown seasonal baseline state version");
      }
      points = in.getLong();
      run = in.getInt();
      if (in.getInt() != profile.length) {
        throw new IllegalArgumentException("seasonal baseline state has another bucket count");
      }
      for (int i = 0; i < profile.length; i++) {
        profile[i] = in.getDouble();
        profileCounts[i] = in.getInt();
      }
      plain.readFrom(in);
      seasonal.readFrom(in);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the seasonal baseline state");
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated seasonal baseline state", e);
    }
  }
}
