package io.kubetel.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.kubetel.architecture.Roots.under;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * kubetel's layering, as ArchUnit rules over package roots: which module and package may use which,
 * no package cycles, no HTTP types in parsers and the model. Each rule is a function of {@link
 * Roots} so that {@link LayeringTest} checks it on the product and {@link FixturesTest} on a
 * fixture that breaks it; {@link #ALL} is the one list both iterate.
 *
 * <p>Third-party packages are named by their Java packages, not their Maven coordinates: picocli's
 * classes live in {@code picocli}, ClickHouse's client in {@code com.clickhouse}, fabric8's client
 * in {@code io.fabric8.kubernetes.client} and its model in {@code io.fabric8.kubernetes.api.model}.
 */
public final class LayeringRules {

  /** Vert.x, fabric8 (client and model) and picocli: server, cluster and CLI types. */
  private static final String[] SERVER_CLUSTER_CLI = {"io.vertx..", "io.fabric8..", "picocli.."};

  /** Logging backends: a library logs through the slf4j API and leaves the backend to the app. */
  private static final String[] LOGGING_BACKENDS = {
    "ch.qos.logback..", "org.apache.logging.log4j.core..", "org.slf4j.simple.."
  };

  /** The JDK's HTTP client and server: shared libraries and parsers leave the wire to others. */
  private static final String[] JDK_HTTP = {"java.net.http..", "com.sun.net.httpserver.."};

  /**
   * One named rule.
   *
   * @param id stable kebab-case name; its fixture is {@code io.kubetel.archfixture.<id with _>}
   * @param definition the rule over the given roots
   */
  public record Rule(String id, Function<Roots, ArchRule> definition) {

    /** The rule over the product's packages. */
    public ArchRule onProduction() {
      return definition.apply(Roots.PRODUCTION);
    }

    /** The package segment of this rule's fixture under {@link Roots#FIXTURES}. */
    public String fixture() {
      return id.replace('-', '_');
    }

    /** The rule over the roots inside its fixture package. */
    public ArchRule onFixture() {
      return definition.apply(Roots.fixture(fixture()));
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** Every rule, in the order the tests report them. */
  public static final List<Rule> ALL =
      List.of(
          new Rule("model-self-contained", LayeringRules::modelSelfContained),
          new Rule("store-uses-only-model", LayeringRules::storeUsesOnlyModel),
          new Rule("store-no-http-vertx-fabric8-cli", LayeringRules::storeNoHttpVertxFabric8Cli),
          new Rule("anomaly-uses-only-model", LayeringRules::anomalyUsesOnlyModel),
          new Rule("crds-use-only-model", LayeringRules::crdsUseOnlyModel),
          new Rule("crds-free-of-store-cli-types", LayeringRules::crdsFreeOfStoreCliTypes),
          new Rule("apiserver-not-operator-crds", LayeringRules::apiserverNotOperatorCrds),
          new Rule("apiserver-no-fabric8-vertx-client", LayeringRules::apiserverNoFabric8Vertx),
          new Rule("apiserver-store-only-in-root", LayeringRules::apiserverStoreOnlyInRoot),
          new Rule("operator-not-apiserver-web", LayeringRules::operatorNotApiserverWeb),
          new Rule(
              "alerting-uses-only-model-and-anomaly",
              LayeringRules::alertingUsesOnlyModelAndAnomaly),
          new Rule("product-not-sample", LayeringRules::productNotSample),
          new Rule("parsers-model-free-of-http", LayeringRules::parsersAndModelFreeOfHttp),
          new Rule("one-json-mapper", LayeringRules::oneJsonMapper),
          new Rule("modules-free-of-cycles", r -> freeOfCycles(r.base())),
          new Rule("model-free-of-cycles", r -> freeOfCycles(r.model())),
          new Rule("store-free-of-cycles", r -> freeOfCycles(r.store())),
          new Rule("crds-free-of-cycles", r -> freeOfCycles(r.crds())),
          new Rule("anomaly-free-of-cycles", r -> freeOfCycles(r.anomaly())),
          new Rule("apiserver-free-of-cycles", r -> freeOfCycles(r.apiserver())),
          new Rule("operator-free-of-cycles", r -> freeOfCycles(r.operator())),
          new Rule("alerting-free-of-cycles", r -> freeOfCycles(r.alerting())));

  private LayeringRules() {}

  /**
   * The model is the bottom layer every module shares, so it may use only itself, the JDK, Jackson,
   * fabric8's generator annotations (the CRDs embed its query spec) and the slf4j API: no other
   * kubetel module, no ClickHouse, Vert.x, fabric8 client or model, picocli or logging backend.
   */
  static ArchRule modelSelfContained(Roots r) {
    return classes()
        .that()
        .resideInAPackage(under(r.model()))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            under(r.model()),
            "java..",
            "com.fasterxml.jackson..",
            "io.fabric8.generator.annotation..",
            "org.slf4j")
        .because("the model is shared by every module and must drag no stack along");
  }

  /** Within kubetel the store sees the model only: the server and operator compose it. */
  static ArchRule storeUsesOnlyModel(Roots r) {
    return usesWithinKubetelOnly(r, r.store(), r.model());
  }

  /**
   * The store is a library over ClickHouse: no HTTP API of its own (the ClickHouse client owns the
   * wire), no Vert.x, fabric8 client or model, picocli or logging backend.
   */
  static ArchRule storeNoHttpVertxFabric8Cli(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.store()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(JDK_HTTP, SERVER_CLUSTER_CLI, LOGGING_BACKENDS))
        .because("the store is a library the server, the operator and tools share");
  }

  /**
   * The alert evaluator is hosted by both the operator and the API server, so within kubetel it
   * sees the model and the anomaly detectors (its Anomaly condition) only: hosts hand it the store
   * behind the model's interfaces and the rules as JSON, never CRD classes (the API server must not
   * load them) nor a ClickHouse type.
   */
  static ArchRule alertingUsesOnlyModelAndAnomaly(Roots r) {
    return usesWithinKubetelOnly(r, r.alerting(), r.model(), r.anomaly());
  }

  /**
   * The detectors are a library the operator and the API server both host: within kubetel they see
   * the model only; persistence (ClickHouse) and scheduling belong to whoever hosts them.
   */
  static ArchRule anomalyUsesOnlyModel(Roots r) {
    return usesWithinKubetelOnly(r, r.anomaly(), r.model());
  }

  /** Within kubetel the CRD types see the model only (they embed its query spec). */
  static ArchRule crdsUseOnlyModel(Roots r) {
    return usesWithinKubetelOnly(r, r.crds(), r.model());
  }

  /**
   * CRD types are fabric8 model classes plus Jackson and generator annotations; anyone reading them
   * (kubectl plugins, other operators) must not inherit ClickHouse, picocli, Vert.x or a backend.
   */
  static ArchRule crdsFreeOfStoreCliTypes(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.crds()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(new String[] {"com.clickhouse..", "picocli..", "io.vertx.."}, LOGGING_BACKENDS))
        .because("the CRD types are an API others depend on");
  }

  /** The API server and the operator are separate deployables; the server serves no CRDs. */
  static ArchRule apiserverNotOperatorCrds(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.apiserver()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(under(r.operator()), under(r.crds()))
        .because("the API server serves the model, not the operator's custom resources");
  }

  /** fabric8's Vert.x HTTP clients bring a second Vert.x into the server's Vert.x 5 runtime. */
  static ArchRule apiserverNoFabric8Vertx(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.apiserver()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8.kubernetes.client.vertx..", "io.fabric8.kubernetes.client.vertx5..")
        .because("the server runs on its own Vert.x 5; fabric8's Vert.x client pins another");
  }

  /**
   * Only the server's composition root (its root package) wires the ClickHouse store; handlers,
   * resources and parsers talk to the model's reader interfaces and can be tested without it.
   */
  static ArchRule apiserverStoreOnlyInRoot(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.apiserver()))
        .and()
        .resideOutsideOfPackage(r.apiserver())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(under(r.store()))
        .because("only the composition root chooses the store; the rest uses model readers");
  }

  /** The operator is no web server: neither the API server's code nor Vert.x Web. */
  static ArchRule operatorNotApiserverWeb(Roots r) {
    return noClasses()
        .that()
        .resideInAPackage(under(r.operator()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(under(r.apiserver()), "io.vertx.ext.web..")
        .because("the operator and the API server are separate deployables");
  }

  /** The sample-data generator is a demo tool; nothing that ships may need it. */
  static ArchRule productNotSample(Roots r) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            under(r.model()),
            under(r.store()),
            under(r.crds()),
            under(r.apiserver()),
            under(r.operator()))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(under(r.sample()))
        .because("the sample-data generator is a demo tool, not part of the product");
  }

  /**
   * Parsers (the server's selection package and every server class named {@code *Parser}) and the
   * whole model turn text into values and report bad input with the model's InvalidInputException;
   * mapping that to an HTTP status is the HTTP layer's job, so they use no HTTP API and none of the
   * server's http package (ApiException).
   */
  static ArchRule parsersAndModelFreeOfHttp(Roots r) {
    DescribedPredicate<JavaClass> parsers =
        resideInAnyPackage(under(r.apiserver() + ".selection"), under(r.model()))
            .or(resideInAPackage(under(r.apiserver())).and(simpleNameEndingWith("Parser")));
    return noClasses()
        .that(parsers)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(JDK_HTTP, new String[] {"io.vertx..", under(r.apiserver() + ".http")}))
        .because("parsing is independent of the transport; the HTTP layer maps errors");
  }

  /**
   * The model's {@code json.Json} builds kubetel's one Jackson mapper; everything else uses it (or
   * readers and writers derived from it), so JSON reads and writes the same way everywhere. Any
   * Jackson {@code *Mapper} constructed or built elsewhere is a second, differently configured one.
   */
  static ArchRule oneJsonMapper(Roots r) {
    DescribedPredicate<JavaClass> jacksonMapper =
        resideInAPackage("com.fasterxml.jackson..").and(simpleNameEndingWith("Mapper"));
    return noClasses()
        .that()
        .resideInAPackage(under(r.base()))
        .and()
        .resideOutsideOfPackage(r.model() + ".json")
        .should()
        .callConstructorWhere(target(owner(jacksonMapper)))
        .orShould()
        .callMethodWhere(target(owner(jacksonMapper)).and(target(name("builder"))))
        .because("kubetel has one JSON mapper, the model's Json.mapper()");
  }

  /** No two packages directly under {@code root} use each other, directly or through others. */
  static ArchRule freeOfCycles(String root) {
    return slices()
        .matching(root + ".(*)..")
        .namingSlices(root + ".$1")
        .should()
        .beFreeOfCycles()
        .because("a cycle makes two packages one; split or invert the dependency");
  }

  /** Within kubetel, classes under {@code layer} use only {@code layer} and {@code allowed}. */
  private static ArchRule usesWithinKubetelOnly(Roots r, String layer, String... allowed) {
    String[] own = new String[allowed.length + 1];
    own[0] = under(layer);
    for (int i = 0; i < allowed.length; i++) {
      own[i + 1] = under(allowed[i]);
    }
    return noClasses()
        .that()
        .resideInAPackage(under(layer))
        .should()
        .dependOnClassesThat(resideInAPackage(under(r.base())).and(not(resideInAnyPackage(own))))
        .because("within kubetel, " + layer + " may use only " + String.join(", ", allowed));
  }

  private static String[] concat(String[]... groups) {
    return Stream.of(groups).flatMap(Stream::of).toArray(String[]::new);
  }
}
