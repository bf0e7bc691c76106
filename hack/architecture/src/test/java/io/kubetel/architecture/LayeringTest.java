package io.kubetel.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every {@link LayeringRules} rule against the product: the main classes of every kubetel
 * module on this module's test classpath, as directories or jars (tests and fixtures excluded). A
 * rule listed in {@link PendingRules} is skipped while it still fails and fails the build once it
 * passes.
 */
class LayeringTest {

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Roots.PRODUCTION.base());
  }

  @Test
  void importsEveryProductModule() {
    Roots r = Roots.PRODUCTION;
    // A module missing from the classpath would make its rules pass vacuously.
    for (String root :
        new String[] {r.model(), r.store(), r.crds(), r.apiserver(), r.operator(), r.sample()}) {
      assertThat(product.that(resideUnder(root))).as("classes under %s", root).isNotEmpty();
    }
  }

  @Test
  void pendingRulesExist() {
    assertThat(LayeringRules.ALL.stream().map(LayeringRules.Rule::id))
        .containsAll(PendingRules.PENDING.keySet());
  }

  @TestFactory
  Stream<DynamicTest> productKeepsEveryRule() {
    return LayeringRules.ALL.stream()
        .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> check(rule)));
  }

  private static void check(LayeringRules.Rule rule) {
    EvaluationResult result = rule.onProduction().evaluate(product);
    String pending = PendingRules.PENDING.get(rule.id());
    if (pending == null) {
      if (result.hasViolation()) {
        fail("rule " + rule.id() + ": " + result.getFailureReport());
      }
      return;
    }
    if (!result.hasViolation()) {
      fail(
          "rule "
              + rule.id()
              + " passes now: delete its entry in PendingRules (it was pending: "
              + pending
              + ")");
    }
    // Printed so that the pending work stays visible in every build log, not only in this file.
    System.out.println("PENDING " + rule.id() + ": " + pending + "\n" + result.getFailureReport());
    Assumptions.abort("rule " + rule.id() + " is pending: " + pending);
  }

  private static DescribedPredicate<JavaClass> resideUnder(String root) {
    return JavaClass.Predicates.resideInAPackage(Roots.under(root));
  }
}
