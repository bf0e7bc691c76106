package io.kubetel.store.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.store.layout.SchemaLayout;
import org.junit.jupiter.api.Test;

/** The layout follows the server version; a fixed layout never asks the server. */
class LayoutDetectionTest {

  @Test
  void layoutFollowsServerVersion() {
    assertThat(LayoutDetection.forVersion("18.16.1")).isEqualTo(SchemaLayout.COMPAT);
    assertThat(LayoutDetection.forVersion("21.3.20.1")).isEqualTo(SchemaLayout.COMPAT);
    assertThat(LayoutDetection.forVersion(" 21.8.1")).isEqualTo(SchemaLayout.MODERN);
    assertThat(LayoutDetection.forVersion("21.12.3")).isEqualTo(SchemaLayout.MODERN);
    assertThat(LayoutDetection.forVersion("24.8.4.13")).isEqualTo(SchemaLayout.MODERN);
    assertThat(LayoutDetection.forVersion("9.1")).isEqualTo(SchemaLayout.COMPAT);
  }

  @Test
  void unrecognisedVersionsAreRefused() {
    assertThatThrownBy(() -> LayoutDetection.forVersion("devel"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'devel'");
    assertThatThrownBy(() -> LayoutDetection.forVersion(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LayoutDetection.fixed(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fixedLayoutNeedsNoServer() {
    assertThat(LayoutDetection.fixed(SchemaLayout.MODERN).get()).isEqualTo(SchemaLayout.MODERN);
  }
}
