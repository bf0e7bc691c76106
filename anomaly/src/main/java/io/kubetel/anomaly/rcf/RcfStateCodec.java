package io.kubetel.anomaly.rcf;

import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestMapper;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A thresholded forest to bytes and back, through the library's state mapper (which keeps the
 * samplers, trees and thresholder exactly, so a restored forest scores the same). The state is
 * Java-serialised and gzipped; reading accepts only the library's state classes, arrays and the
 * JDK's basic types, so bytes from elsewhere cannot instantiate anything else.
 */
final class RcfStateCodec {
  private static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=32;com.amazon.randomcutforest.**;java.lang.*;java.util.*;[*;!*");

  private RcfStateCodec() {}

  static byte[] encode(ThresholdedRandomCutForest forest) {
    ThresholdedRandomCutForestState state = new ThresholdedRandomCutForestMapper().toState(forest);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
      out.writeObject(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ThresholdedRandomCutForest decode(byte[] bytes, long seed) {
    try (ObjectInputStream in =
        new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
      in.setObjectInputFilter(ALLOWED);
      Object state = in.readObject();
      if (!(state instanceof ThresholdedRandomCutForestState trcfState)) {
        throw new IllegalArgumentException("not a Random Cut Forest state");
      }
      return new ThresholdedRandomCutForestMapper().toModel(trcfState, seed);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "unreadable Random Cut Forest state: " + e.getMessage(), e);
    }
  }
}
