package io.kubetel.apiserver.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.problem.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field selector syntax and escapes. */
class FieldSelectorParserTest {

  @Test
  void parsesOperatorsAndEscapes() {
    assertThat(FieldSelectorParser.parse("a=b,c==d,e!=f"))
        .containsExactly(
            new FieldRequirement("a", false, "b"),
            new FieldRequirement("c", false, "d"),
            new FieldRequirement("e", true, "f"));
    assertThat(FieldSelectorParser.parse("span=GET /a\\,b\\=c\\\\d"))
        .containsExactly(new FieldRequirement("span", false, "GET /a,b=c\\d"));
    assertThat(FieldSelectorParser.parse("a="))
        .containsExactly(new FieldRequirement("a", false, ""));
    assertThat(FieldSelectorParser.parse("")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a|not a term",
        "=b|no field name",
        "a=b,|empty term",
        "a=b=c|unescaped '='",
        "a=\\x|invalid escape sequence",
        "a=b\\|unfinished escape",
        "a\\b=c|must not contain",
      })
  void rejectsMalformed(String input, String message) {
    assertThatThrownBy(() -> FieldSelectorParser.parse(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void matchingIsSingleOrMultiValued() {
    assertThat(new FieldRequirement("s", false, "a").matches(List.of("a", "b"))).isTrue();
    assertThat(new FieldRequirement("s", true, "a").matches(List.of("a", "b"))).isFalse();
    assertThat(new FieldRequirement("s", true, "a").matches(List.of())).isTrue();
    assertThat(new FieldRequirement("s", false, "").matches(List.of())).isTrue();
  }
}
