package io.kubetel.model.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label selector model: building, matching and the bounds of the parser. */
class LabelSelectorTest {

  @Test
  void nothingSelectsEverything() {
    assertThat(LabelSelectorParser.parse(null)).isSameAs(LabelSelector.EVERYTHING);
    assertThat(LabelSelectorParser.parse("  ")).isSameAs(LabelSelector.EVERYTHING);
    assertThat(LabelSelector.EVERYTHING.isEmpty()).isTrue();
    assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
    assertThat(LabelSelector.EVERYTHING).hasToString("");
  }

  @Test
  void aSelectorBuiltFromRequirementsMatchesLikeTheParsedOne() {
    LabelSelector built =
        new LabelSelector(
            List.of(
                new LabelRequirement("team", LabelOperator.IN, List.of("shop", "pay")),
                new LabelRequirement("tier", LabelOperator.NOT_EXISTS, List.of()),
                new LabelRequirement("env", LabelOperator.NOT_EQUALS, List.of("dev"))));
    LabelSelector parsed = LabelSelectorParser.parse("team in (shop,pay),!tier,env!=dev");
    assertThat(built).isEqualTo(parsed).hasToString(parsed.toString());
    assertThat(built.isEmpty()).isFalse();
    for (Map<String, String> labels :
        List.of(
            Map.of("team", "shop"),
            Map.of("team", "pay", "env", "dev"),
            Map.of("team", "shop", "tier", "prod"),
            Map.<String, String>of())) {
      assertThat(built.matches(labels)).isEqualTo(parsed.matches(labels));
    }
    assertThat(built.matches(Map.of("team", "shop"))).isTrue();
    assertThat(built.matches(Map.of("team", "pay", "env", "dev"))).isFalse();
  }

  @Test
  void integerComparisonsNeedIntegerLabels() {
    LabelSelector gt = LabelSelectorParser.parse("replicas>2");
    assertThat(gt.matches(Map.of("replicas", "3"))).isTrue();
    assertThat(gt.matches(Map.of("replicas", "many"))).isFalse();
    assertThat(gt.matches(Map.of())).isFalse();
    assertThat(LabelSelectorParser.parse("replicas<2").matches(Map.of("replicas", "1"))).isTrue();
  }

  @Test
  void isBoundedAndQuotesControlCharactersSafely() {
    String huge = "a=b," + "c".repeat(LabelSelectorParser.MAX_LENGTH);
    assertThatThrownBy(() -> LabelSelectorParser.parse(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unable to parse label selector: label selector is longer than 16384 characters");
    assertThatThrownBy(() -> LabelSelectorParser.parse("a\u0007b=c"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid label key \"a?b\"");
    // Linear: a long valid selector parses at once.
    String many = "k=v,".repeat(1000) + "k=v";
    assertThat(LabelSelectorParser.parse(many).requirements()).hasSize(1001);
  }

  @Test
  void labelSyntaxFollowsKubernetes() {
    assertThat(LabelSyntax.isValidKey("app.kubernetes.io/name")).isTrue();
    assertThat(LabelSyntax.isValidKey("a".repeat(254) + "/x")).isFalse();
    assertThat(LabelSyntax.keyProblem("a".repeat(254) + "/x"))
        .hasValue("prefix part must be no more than 253 characters");
    assertThat(LabelSyntax.isValidValue("")).isTrue();
    assertThat(LabelSyntax.isValidValue("v1.2_3-x")).isTrue();
    assertThat(LabelSyntax.isValidValue("-v")).isFalse();
  }
}
