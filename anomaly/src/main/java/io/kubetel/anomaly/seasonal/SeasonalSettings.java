package io.kubetel.anomaly.seasonal;

/**
 * Parameters of the robust seasonal baseline.
 *
 * @param seasonMillis the season's length (e.g. one day), or 0 for a series without a season
 * @param bucketsPerSeason how many time-of-season buckets the seasonal profile has
 * @param profileDecay how fast a bucket's profile follows new seasons (0..1, weight of the newest)
 * @param levelWindow how many recent points the level (a median) is taken over
 * @param seasonalLevelWindow the same for the de-seasonalised level: long enough (about a season)
 *     that the level does not soak up the season while the profile is learned
 * @param residualWindow how many recent residuals the scale (a MAD) is taken over
 * @param sensitivity how many robust standard deviations (1.4826·MAD) a point may be off
 * @param shiftConfirm after this many consecutive anomalies on one side the new level is accepted
 * @param warmupPoints points learned before anything is flagged
 */
public record SeasonalSettings(
    long seasonMillis,
    int bucketsPerSeason,
    double profileDecay,
    int levelWindow,
    int seasonalLevelWindow,
    int residualWindow,
    double sensitivity,
    int shiftConfirm,
    int warmupPoints) {

  /** One day in milliseconds, the season of most service traffic. */
  public static final long DAY_MILLIS = 86_400_000L;

  public SeasonalSettings {
    if (seasonMillis < 0
        || bucketsPerSeason < 1
        || !(profileDecay > 0 && profileDecay <= 1)
        || levelWindow < 1
        || seasonalLevelWindow < 1
        || residualWindow < 8
        || !(sensitivity > 0)
        || shiftConfirm < 1
        || warmupPoints < 0) {
      throw new IllegalArgumentException("invalid seasonal baseline settings");
    }
  }

  /** The defaults: a daily season in 48 half-hour buckets. */
  public static SeasonalSettings defaults() {
    return new SeasonalSettings(DAY_MILLIS, 48, 0.1, 32, 288, 256, 6.0, 12, 100);
  }

  /** The same settings with another sensitivity. */
  public SeasonalSettings withSensitivity(double newSensitivity) {
    return new SeasonalSettings(
        seasonMillis,
        bucketsPerSeason,
        profileDecay,
        levelWindow,
        seasonalLevelWindow,
        residualWindow,
        newSensitivity,
        shiftConfirm,
        warmupPoints);
  }

  /** The same settings with another season (0 for none). */
  public SeasonalSettings withSeason(long newSeasonMillis) {
    return new SeasonalSettings(
        newSeasonMillis,
        bucketsPerSeason,
        profileDecay,
        levelWindow,
        seasonalLevelWindow,
        residualWindow,
        sensitivity,
        shiftConfirm,
        warmupPoints);
  }
}
