package io.kubetel.apiserver.selection;

import java.util.Optional;

/** Checks one selector value before it reaches storage; says what is wrong when it is rejected. */
@FunctionalInterface
public interface ValueRule {

  /** Why {@code value} is not acceptable, or empty when it is. */
  Optional<String> problem(String value);
}
