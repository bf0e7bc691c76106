package io.kubetel.anomaly.eval;

import io.kubetel.anomaly.DetectorFactory;
import java.util.function.IntFunction;

/**
 * One detector with one parameter set, as the evaluation tries it. The factory is made per series
 * from its probationary length, which only the static baseline uses (its training points).
 *
 * @param detector the detector's name ({@code static}, {@code seasonal}, {@code rcf})
 * @param params the parameters, for the report
 * @param factory the detector factory for a series with the given probationary length
 */
public record Candidate(String detector, String params, IntFunction<DetectorFactory> factory) {}
