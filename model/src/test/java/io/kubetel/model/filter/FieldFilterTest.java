package io.kubetel.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Storage filters keep their arity invariant; field keys follow one syntax. */
class FieldFilterTest {
  @Test
  void enforcesArityPerOperator() {
    assertThat(FieldFilter.eq("service", "a").values()).containsExactly("a");
    assertThatThrownBy(() -> new FieldFilter("k", FilterOperator.EQUALS, List.of()))
        .hasMessageContaining("needs exactly 1 value");
    assertThatThrownBy(() -> new FieldFilter("k", FilterOperator.NOT_IN, List.of()))
        .hasMessageContaining("needs values");
    assertThatThrownBy(() -> new FieldFilter("k", FilterOperator.EXISTS, List.of("x")))
        .hasMessageContaining("takes no values");
  }

  @Test
  void validatesKeys() {
    assertThat(FieldKeys.isValid("resource.k8s.pod.name")).isTrue();
    assertThat(FieldKeys.isValid("_x/y-z")).isTrue();
    assertThat(FieldKeys.isValid("1x")).isFalse();
    assertThat(FieldKeys.isValid(null)).isFalse();
    assertThat(FieldKeys.isValid("k".repeat(256))).isFalse();
  }
}
