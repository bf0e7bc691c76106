package io.kubetel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that every {@link LayeringRules} rule can fail: each rule has a fixture package {@code
 * io.kubetel.archfixture.<rule>} of a few classes that break it, and the rule must report a
 * violation there. A rule with a typo in a package pattern, or one that checks no classes, would
 * pass on the product forever; here it fails.
 */
class FixturesTest {

  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(Roots.FIXTURES);
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFailsOnItsFixture() {
    return LayeringRules.ALL.stream()
        .map(rule -> DynamicTest.dynamicTest(rule.id(), () -> failsOnFixture(rule)));
  }

  @Test
  void everyFixtureBelongsToARule() {
    Set<String> rules =
        LayeringRules.ALL.stream().map(LayeringRules.Rule::fixture).collect(Collectors.toSet());
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : fixtures) {
      packages.add(c.getPackageName().substring(Roots.FIXTURES.length() + 1).split("\\.")[0]);
    }
    assertThat(rules).containsExactlyInAnyOrderElementsOf(packages);
  }

  @Test
  void ruleIdsAreUnique() {
    assertThat(LayeringRules.ALL.stream().map(LayeringRules.Rule::id)).doesNotHaveDuplicates();
  }

  private static void failsOnFixture(LayeringRules.Rule rule) {
    String pkg = Roots.fixture(rule.fixture()).base();
    JavaClasses fixture = fixtures.that(JavaClass.Predicates.resideInAPackage(pkg + ".."));
    assertThat(fixture).as("fixture package %s of rule %s", pkg, rule.id()).isNotEmpty();

    EvaluationResult result = rule.onFixture().evaluate(fixture);
    String report = result.getFailureReport().toString();
    assertThat(result.hasViolation()).as("rule %s must fail on %s", rule.id(), pkg).isTrue();
    // Failing because the rule matched nothing proves nothing: the violation must be a real one.
    assertThat(report).doesNotContain("failed to check any classes").contains(pkg);
  }
}
