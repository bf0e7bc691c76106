package io.kubetel.model.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Problems read like Kubernetes field errors under whatever path holds the query. */
class QueryProblemTest {
  @Test
  void describesUnderAPrefix() {
    QueryProblem step = QueryProblem.invalid("InvalidStep", "step", "2h", "too long");
    assertThat(step.describe("spec")).isEqualTo("spec.step: Invalid value: \"2h\": too long");
    assertThat(step.describe("")).isEqualTo("step: Invalid value: \"2h\": too long");
    QueryProblem whole = QueryProblem.required("MissingSignal", "", "the query is empty");
    assertThat(whole.describe("spec.query"))
        .isEqualTo("spec.query: Required value: the query is empty");
    assertThat(whole.describe("")).isEqualTo("Required value: the query is empty");
  }

  @Test
  void quotesValuesSafely() {
    assertThat(QueryProblem.duplicate("InvalidGroupBy", "groupBy[1]", "a\nb").message())
        .isEqualTo("Duplicate value: \"a?b\"");
    assertThat(QueryProblem.tooMany("filters", 40, 32).message())
        .isEqualTo("Too many: 40: must have at most 32 items");
  }
}
