package io.kubetel.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input quoted in messages is cut and cannot carry control characters. */
class PrintableTest {
  @Test
  void cutsLongInputAndReplacesControlCharacters() {
    assertThat(Printable.of("1h30m")).isEqualTo("1h30m");
    assertThat(Printable.of("a\nb\u001bc")).isEqualTo("a?b?c");
    assertThat(Printable.of("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
    assertThat(Printable.of("ünïcødé ✓")).isEqualTo("ünïcødé ✓");
    assertThat(Printable.of(null)).isEmpty();
  }
}
