package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging exponential histogram points: downscaling joins buckets exactly (negative indexes too),
 * points of different scales and offsets add and subtract at the coarser scale, and result rows are
 * read back into points.
 */
class ExponentialBucketsTest {
  /** Asserts the buckets ({lower, upper, count}, lowest first), boundaries to 1e-12. */
  static void assertBuckets(ExponentialBuckets b, double[]... expected) {
    List<double[]> actual = b.ascending();
    assertThat(actual).as("%s buckets", actual.size()).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < 3; k++) {
        assertThat(actual.get(i)[k])
            .as("bucket %s[%s]", i, k)
            .isCloseTo(expected[i][k], within(1e-12));
      }
    }
  }

  @Test
  void downscalingJoinsPairsOfBuckets() {
    // Scale 1 indexes 2..5 are (2, 2^1.5], ..., (2^2.5, 8]; at scale 0 they are 1, 1, 2, 2.
    ExponentialBuckets b =
        new ExponentialBuckets(1, 0, 2, new double[] {1, 1, 1, 1}, -3, new double[] {1, 1, 1});
    ExponentialBuckets coarse = b.downscale(0);
    assertThat(coarse.scale()).isZero();
    assertBuckets(
        coarse,
        // negative indexes -3, -2, -1 become -2, -1, -1
        new double[] {-1, -0.5, 2},
        new double[] {-0.5, -0.25, 1},
        new double[] {2, 4, 2},
        new double[] {4, 8, 2});
    assertThatThrownBy(() -> coarse.downscale(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot refine scale 0 to 1");
  }

  @Test
  void pointsOfDifferentScalesMergeAtTheCoarserOne() {
    ExponentialBuckets fine =
        new ExponentialBuckets(1, 1, 2, new double[] {1, 1, 1, 1}, 0, new double[0]);
    ExponentialBuckets coarse = new ExponentialBuckets(0, 2, 2, new double[] {5}, 0, new double[0]);
    ExponentialBuckets merged = fine.plus(coarse, 1);
    assertThat(merged.scale()).isZero();
    assertThat(merged.zeroCount()).isEqualTo(3);
    assertBuckets(merged, new double[] {0, 0, 3}, new double[] {2, 4, 2}, new double[] {4, 8, 7});
    assertThat(ExponentialBuckets.EMPTY.plus(fine, 1).scale()).isEqualTo(1);
    assertThat(fine.plus(ExponentialBuckets.EMPTY, 1)).isSameAs(fine);
    assertThat(ExponentialBuckets.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void aCumulativeIncreaseSubtractsTheEarlierPoint() {
    // Earlier: 2 in (1, 2]; later: 3 in (1, 2] and 4 in (4, 8], at a finer scale.
    ExponentialBuckets earlier =
        new ExponentialBuckets(0, 1, 0, new double[] {2}, 0, new double[0]);
    ExponentialBuckets later =
        new ExponentialBuckets(1, 1, 0, new double[] {1, 2, 0, 0, 4}, 0, new double[0]);
    ExponentialBuckets increase = later.plus(earlier, -1);
    assertThat(increase.zeroCount()).isZero();
    assertBuckets(increase, new double[] {1, 2, 1}, new double[] {4, 8, 4});
  }

  @Test
  void resultRowsAreReadAsOnePointPerElement() throws Exception {
    // UInt64 arrays arrive quoted from 18.16, unquoted from newer servers.
    JsonNode row =
        new ObjectMapper()
            .readTree(
                "{\"m_scales\":[0,1],\"m_zero_counts\":[\"1\",0],\"m_pos_offsets\":[3,-1],"
                    + "\"m_pos_counts\":[[\"2\"],[1,1]],\"m_neg_offsets\":[0,0],"
                    + "\"m_neg_counts\":[[],[4]]}");
    ExponentialBuckets[] points = ExponentialBuckets.read(row, "m_");
    assertThat(points).hasSize(2);
    assertBuckets(points[0], new double[] {0, 0, 1}, new double[] {8, 16, 2});
    assertThat(points[1].scale()).isEqualTo(1);
    assertBuckets(
        points[1],
        new double[] {-Math.sqrt(2), -1, 4},
        new double[] {Math.sqrt(0.5), 1, 1},
        new double[] {1, Math.sqrt(2), 1});
  }
}
