package io.kubetel.architecture;

/**
 * The package roots the layering rules speak about, derived from one base package. The product's
 * base is {@code io.kubetel}; a fixture's base is {@code io.kubetel.archfixture.<rule>}, under
 * which the fixture lays out the same module packages in miniature. Deriving every root from one
 * base is what lets the same rule run on the real classes and on a fixture that breaks it.
 *
 * @param base the package every module package sits directly under
 */
public record Roots(String base) {

  /** The product's packages. */
  public static final Roots PRODUCTION = new Roots("io.kubetel");

  /** The parent package of every fixture, one sub-package per rule. */
  public static final String FIXTURES = "io.kubetel.archfixture";

  /** The roots inside the fixture package {@code io.kubetel.archfixture.<fixture>}. */
  public static Roots fixture(String fixture) {
    return new Roots(FIXTURES + "." + fixture);
  }

  /** The shared model: query spec, read model, reader interfaces, the JSON mapper. */
  public String model() {
    return base + ".model";
  }

  /** The ClickHouse store behind the model's reader interfaces. */
  public String store() {
    return base + ".store";
  }

  /** The streaming anomaly detectors and their evaluation. */
  public String anomaly() {
    return base + ".anomaly";
  }

  /** The CRD types (TelemetryTenant, AlertRule, Dashboard). */
  public String crds() {
    return base + ".crds";
  }

  /** The aggregated API server; its root package is the composition root. */
  public String apiserver() {
    return base + ".apiserver";
  }

  /** The alert evaluator and delivery, hosted by the operator and the API server. */
  public String alerting() {
    return base + ".alerting";
  }

  /** The operator. */
  public String operator() {
    return base + ".operator";
  }

  /** The demo's sample-data generator, a tool the product must never depend on. */
  public String sample() {
    return base + ".sample";
  }

  /** ArchUnit's package pattern for a root and everything under it. */
  public static String under(String root) {
    return root + "..";
  }
}
