package io.kubetel.apiserver.http;

/**
 * What a request was doing when it failed, which decides how invalid input is reported: for a read
 * (get, list, watch) bad parameters are 400 BadRequest; for an object being created they are 422
 * Invalid about that object, with one cause per problem.
 *
 * @param resource resource plural or endpoint label, for details and logs (may be null)
 * @param objectKind kind of the object being created (e.g. {@code TelemetryQuery}), null for reads
 * @param objectName name of the object being created, null while not known yet
 */
public record Operation(String resource, String objectKind, String objectName) {

  /** A get, list or watch of {@code resource}. */
  public static Operation read(String resource) {
    return new Operation(resource, null, null);
  }

  /** A create of a {@code kind} object named {@code name} (null while the name is not known). */
  public static Operation create(String resource, String kind, String name) {
    if (kind == null) {
      throw new IllegalArgumentException("a create needs the kind of the object");
    }
    return new Operation(resource, kind, name);
  }

  /** Whether an object is being created (invalid input is then 422 about that object). */
  public boolean creates() {
    return objectKind != null;
  }
}
