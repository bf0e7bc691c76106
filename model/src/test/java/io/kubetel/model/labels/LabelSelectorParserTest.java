package io.kubetel.model.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.problem.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Label selector syntax, validation and matching, table-driven. */
class LabelSelectorParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a=b|a=b",
        "a==b|a=b",
        "a!=b|a!=b",
        " a = b |a=b",
        "a in (x, y)|a in (x,y)",
        "a notin (x)|a notin (x)",
        "a|a",
        "!a|!a",
        "a>5|a>5",
        "a<-3|a<-3",
        "a=|a=",
        "app.kubernetes.io/name=web,tier!=db,!legacy|app.kubernetes.io/name=web,tier!=db,!legacy",
        "a in (x),b|a in (x),b",
        "x.y-z_1=V.1-a_b|x.y-z_1=V.1-a_b",
      })
  void parsesValidSelectors(String input, String canonical) {
    assertThat(LabelSelectorParser.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a=b=c|found '=' at position 3",
        "=b|expected a label key",
        "a b|found 'b' after label 'a'",
        "a in x|expected '('",
        "a in ()|values set can't be empty",
        "a in (x|missing ')'",
        "a in (x y)|found 'y'",
        "a,|found end of selector",
        ",a|expected a label key",
        "a>x|must be an integer",
        "-a=b|invalid label key \"-a\"",
        "a=-b|invalid value \"-b\" for label \"a\"",
        "Upper/a=b|prefix part a lowercase RFC 1123 subdomain",
        "/a=b|prefix part must be non-empty",
        "a/=b|name part must be non-empty",
        "a=b)|found ')'",
        "!=a|expected a label key",
        "a!b|found '!' after label 'a'",
      })
  void rejectsMalformedSelectors(String input, String message) {
    assertThatThrownBy(() -> LabelSelectorParser.parse(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void rejectsOverlongKeysAndValues() {
    assertThatThrownBy(() -> LabelSelectorParser.parse("a=" + "v".repeat(64)))
        .hasMessageContaining("no more than 63 characters");
    assertThatThrownBy(() -> LabelSelectorParser.parse("k".repeat(64) + "=v"))
        .hasMessageContaining("name part must be no more than 63 characters");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a=b|true",
        "a!=b|false",
        "a!=z|true",
        "missing!=z|true",
        "a in (b,c)|true",
        "a notin (b)|false",
        "missing notin (b)|true",
        "a|true",
        "!a|false",
        "!missing|true",
        "n>5|true",
        "n<5|false",
        "a>5|false",
        "a=b,n=10|true",
        "a=b,n=11|false",
      })
  void matchesWithKubernetesSemantics(String selector, boolean expected) {
    assertThat(LabelSelectorParser.parse(selector).matches(Map.of("a", "b", "n", "10")))
        .isEqualTo(expected);
  }
}
