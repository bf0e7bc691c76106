package io.kubetel.apiserver.queries;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.Operation;
import io.kubetel.apiserver.http.StatusMapper;
import io.kubetel.apiserver.limits.RequestBudget;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.ObservedWindow;
import io.kubetel.apiserver.resource.Requests;
import io.kubetel.apiserver.resource.ResourceHandler;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.table.ContentNegotiation;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.QueryRunner;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.store.ReadScope;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code queries} resource (kind TelemetryQuery, short name {@code tq}), create only: {@code
 * POST /namespaces/NS/queries} runs the query scoped to NS and answers 201 with the object and its
 * result in {@code status}. {@code dryRun=All} only validates. Nothing is stored, so get, list and
 * watch are 405.
 */
public final class QueriesHandler implements ResourceHandler {
  private static final int MAX_BODY = 1024 * 1024;
  private static final String SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  private static final ResourceInfo INFO =
      new ResourceInfo(
          "queries",
          "query",
          QueryBodyParser.KIND,
          List.of("tq"),
          true,
          List.of("create"),
          List.of("telemetry"),
          QuerySchema.schema());

  private final QueryRunner runner;
  private final WorkerExecutor workers;
  private final Clock clock;
  private final QueryBodyParser parser = new QueryBodyParser();
  private final SecureRandom random = new SecureRandom();

  public QueriesHandler(QueryRunner runner, WorkerExecutor workers, Clock clock) {
    this.runner = runner;
    this.workers = workers;
    this.clock = clock;
  }

  @Override
  public ResourceInfo info() {
    return INFO;
  }

  @Override
  public void handle(RoutingContext context) {
    try {
      if (!context.request().method().equals(HttpMethod.POST)
          || context.pathParam("name") != null) {
        throw new ApiException(
            405,
            "MethodNotAllowed",
            "queries support only create (POST to /namespaces/<namespace>/queries); results are"
                + " returned in the response and nothing is stored to get, list or watch",
            "queries",
            context.pathParam("name"));
      }
      Optional<String> namespace = Requests.namespace(context);
      if (namespace.isEmpty()) {
        throw ApiException.badRequest(
            "queries are namespaced: create them under /namespaces/<namespace>/queries");
      }
      ContentNegotiation.negotiate(context.request().getHeader("Accept"));
      String contentType = context.request().getHeader("Content-Type");
      if (contentType != null
          && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        throw new ApiException(
            415,
            "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json");
      }
      Map<String, String> params = Requests.params(context);
      String dryRun = params.get("dryRun");
      if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
        throw ApiException.badRequest("dryRun \"" + dryRun + "\" is not supported; use All");
      }
      String length = context.request().getHeader("Content-Length");
      if (length != null && parseLength(length) > MAX_BODY) {
        throw tooLarge();
      }
      readBody(context)
          .onComplete(
              ar -> {
                try {
                  if (ar.failed()) {
                    throw ApiException.badRequest("cannot read the request body");
                  }
                  if (ar.result().length() > MAX_BODY) {
                    throw tooLarge();
                  }
                  create(context, namespace.get(), ar.result().toString(), "All".equals(dryRun));
                } catch (RuntimeException e) {
                  context.fail(StatusMapper.map(e, creating(null)));
                }
              });
    } catch (RuntimeException e) {
      context.fail(StatusMapper.map(e, creating(null)));
    }
  }

  /** Creating a query named {@code name} (null until the body says): invalid input is 422. */
  private static Operation creating(String name) {
    return Operation.create("queries", QueryBodyParser.KIND, name);
  }

  private void create(RoutingContext context, String namespace, String body, boolean dryRun) {
    QueryBodyParser.Envelope envelope = parser.envelope(body, namespace);
    String name = envelope.name() != null ? envelope.name() : generate(envelope.generateName());
    Operation creating = creating(name);
    Instant now = clock.instant();
    ParsedQuery query;
    try {
      query = parser.complete(envelope);
      // The one TelemetryQuery validator: one field error per problem, dry-run included.
      List<String> problems =
          QueryValidator.describe(QueryValidator.check(query.spec(), now), "spec");
      if (!problems.isEmpty()) {
        throw new InvalidQueryException(problems);
      }
    } catch (RuntimeException e) {
      context.fail(StatusMapper.map(e, creating));
      return;
    }
    if (dryRun) {
      Requests.respond(
          context,
          201,
          "application/json",
          ApiJson.write(object(query, name, namespace, now, null)));
      return;
    }
    // In the request's read scope: its deadline reaches ClickHouse, and leaving stops it there.
    ReadScope reads = RequestBudget.of(context).reads();
    workers
        .executeBlocking(
            () -> reads.call(() -> runner.run(query.spec(), Optional.of(namespace), now)), false)
        .onComplete(
            ar -> {
              try {
                if (ar.failed()) {
                  context.fail(StatusMapper.map(ar.cause(), creating));
                  return;
                }
                Requests.respond(
                    context,
                    201,
                    "application/json",
                    ApiJson.write(object(query, name, namespace, now, ar.result())));
              } catch (RuntimeException e) {
                context.fail(StatusMapper.map(e, creating));
              }
            });
  }

  private TelemetryQuery object(
      ParsedQuery query, String name, String namespace, Instant now, QueryResult result) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setGenerateName(query.generateName());
    meta.setNamespace(namespace);
    meta.setUid(UUID.randomUUID().toString());
    meta.setResourceVersion(ApiJson.resourceVersion(now));
    meta.setCreationTimestamp(ApiJson.timestamp(now));
    meta.setLabels(ApiJson.sorted(query.labels()));
    meta.setAnnotations(ApiJson.sorted(query.annotations()));
    return TelemetryQuery.of(meta, query.specJson(), result == null ? null : status(result));
  }

  private static TelemetryQuery.Status status(QueryResult result) {
    List<TelemetryQuery.Series> series =
        result.series().stream()
            .map(
                s ->
                    new TelemetryQuery.Series(
                        ApiJson.sorted(s.labels()),
                        s.points().stream()
                            .map(
                                p ->
                                    new TelemetryQuery.Point(
                                        ApiJson.time(p.time()), ApiJson.finite(p.value())))
                            .toList()))
            .toList();
    return new TelemetryQuery.Status(
        ObservedWindow.of(result.start(), result.end()),
        result.stepSeconds() + "s",
        result.aggregation() == null ? null : result.aggregation().name().toLowerCase(Locale.ROOT),
        series);
  }

  /** Reads the body, whether or not the router already buffered it. */
  private static io.vertx.core.Future<Buffer> readBody(RoutingContext context) {
    if (context.body() != null && context.body().available()) {
      Buffer b = context.body().buffer();
      return io.vertx.core.Future.succeededFuture(b == null ? Buffer.buffer() : b);
    }
    return context.request().body();
  }

  private String generate(String prefix) {
    StringBuilder out = new StringBuilder(prefix);
    for (int i = 0; i < 5; i++) {
      out.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
    }
    return out.toString();
  }

  private static long parseLength(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length \"" + length + "\" is not a number");
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413, "RequestEntityTooLarge", "request body is larger than " + MAX_BODY + " bytes");
  }
}
