package io.kubetel.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.UserInfo;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.store.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router's error rendering, method checks, body limit and authentication, over real HTTP. */
class ApiRouterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BASE = "/apis/telemetry.kubetel.io/v1alpha1";

  private static Vertx vertx;
  private static HttpServer server;
  private static final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Authenticator onlyWithHeader =
        credentials ->
            credentials.headers().containsKey("x-test-user")
                ? Optional.of(new UserInfo("tester", List.of("g"), Map.of()))
                : Optional.empty();
    ApiRouter apiRouter =
        new ApiRouter(
            vertx, new RequestMetrics(new SimpleMeterRegistry()), List.of(onlyWithHeader), 64);
    EndpointGroup probes =
        router -> router.get("/livez").handler(context -> context.response().end("ok"));
    Router router =
        apiRouter.build(
            List.of(probes),
            List.of(
                handler("widgets", List.of("get", "list"), ApiRouterTest::answerFromPath),
                handler("runs", List.of("create"), context -> context.response().end("{}"))));
    server = TestApiServer.listen(vertx, router);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Fails the way the object name asks, to exercise every mapping. */
  private static void answerFromPath(RoutingContext context) {
    String name = context.pathParam("name");
    switch (name == null ? "" : name) {
      case "boom" -> throw new IllegalStateException("secret internals at db-7");
      case "badjson" -> context.fail(new DecodeException("Unexpected character"));
      case "down" -> context.fail(new StoreUnavailableException("ch down", null));
      case "invalid" ->
          context.fail(new ApiException(422, "Invalid", "spec.step: bad", "widgets", null));
      case "invalid-named" ->
          context.fail(new ApiException(422, "Invalid", "spec.step: bad", "widgets", "w1"));
      case "missing" -> context.fail(ApiException.notFound("widgets", "missing"));
      case "bad-selector" -> context.fail(new InvalidInputException("label key \"x\" is bad"));
      case "busy" -> context.fail(ApiException.tooManyRequests("quota exceeded", 7));
      default -> context.response().putHeader("Content-Type", "application/json").end("{}");
    }
  }

  private static ResourceRoute handler(
      String plural, List<String> verbs, Consumer<RoutingContext> behaviour) {
    return new ResourceRoute() {
      @Override
      public String plural() {
        return plural;
      }

      @Override
      public boolean namespaced() {
        return true;
      }

      @Override
      public List<String> verbs() {
        return verbs;
      }

      @Override
      public void handle(RoutingContext context) {
        behaviour.accept(context);
      }
    };
  }

  private static HttpResponse<String> send(String method, String path, String body, boolean auth)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (auth) {
      request.header("X-Test-User", "yes");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode status(HttpResponse<String> response, int code, String reason)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode status = MAPPER.readTree(response.body());
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.get("metadata").isObject()).isTrue();
    assertThat(status.get("status").asText()).isEqualTo("Failure");
    assertThat(status.get("reason").asText()).isEqualTo(reason);
    assertThat(status.get("code").asInt()).isEqualTo(code);
    return status;
  }

  @Test
  void servesMountedResourceOnAllFourPaths() throws Exception {
    for (String path :
        List.of(
            BASE + "/widgets",
            BASE + "/widgets/a",
            BASE + "/namespaces/ns/widgets",
            BASE + "/namespaces/ns/widgets/a")) {
      assertThat(send("GET", path, null, true).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void unknownPathsAreNotFoundStatus() throws Exception {
    status(send("GET", BASE + "/gadgets", null, true), 404, "NotFound");
    status(send("GET", "/nothing/here", null, true), 404, "NotFound");
  }

  @Test
  void notFoundCarriesDetails() throws Exception {
    JsonNode status = status(send("GET", BASE + "/widgets/missing", null, true), 404, "NotFound");

    assertThat(status.at("/details/name").asText()).isEqualTo("missing");
    assertThat(status.at("/details/kind").asText()).isEqualTo("widgets");
    assertThat(status.at("/details/group").asText()).isEqualTo("telemetry.kubetel.io");
  }

  @Test
  void methodsFollowAdvertisedVerbs() throws Exception {
    status(send("POST", BASE + "/namespaces/ns/widgets", "{}", true), 405, "MethodNotAllowed");
    status(send("DELETE", BASE + "/namespaces/ns/widgets/a", null, true), 405, "MethodNotAllowed");
    assertThat(send("POST", BASE + "/namespaces/ns/runs", "{}", true).statusCode()).isEqualTo(200);
    status(send("GET", BASE + "/namespaces/ns/runs", null, true), 405, "MethodNotAllowed");
  }

  @Test
  void unexpectedExceptionIsGenericInternalError() throws Exception {
    JsonNode status = status(send("GET", BASE + "/widgets/boom", null, true), 500, "InternalError");

    assertThat(status.get("message").asText()).doesNotContain("secret").doesNotContain("Exception");
  }

  @Test
  void malformedJsonIsBadRequest() throws Exception {
    status(send("GET", BASE + "/widgets/badjson", null, true), 400, "BadRequest");
  }

  @Test
  void storageOutageIsUnavailableWithoutRetryAfter() throws Exception {
    HttpResponse<String> response = send("GET", BASE + "/widgets/down", null, true);

    status(response, 503, "ServiceUnavailable");
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void invalidWithoutNameKeepsMessageVisibleToKubectl() throws Exception {
    JsonNode anonymous = status(send("GET", BASE + "/widgets/invalid", null, true), 422, "Invalid");
    JsonNode named =
        status(send("GET", BASE + "/widgets/invalid-named", null, true), 422, "Invalid");

    assertThat(anonymous.at("/details/kind").isMissingNode()).isTrue();
    assertThat(named.at("/details/name").asText()).isEqualTo("w1");
    assertThat(named.at("/details/causes/0/message").asText()).isEqualTo("spec.step: bad");
  }

  @Test
  void invalidReadInputIsBadRequestWithItsMessage() throws Exception {
    JsonNode status =
        status(send("GET", BASE + "/widgets/bad-selector", null, true), 400, "BadRequest");

    assertThat(status.get("message").asText()).isEqualTo("label key \"x\" is bad");
  }

  @Test
  void quotaIsTooManyRequestsWithRetryAfter() throws Exception {
    HttpResponse<String> response = send("GET", BASE + "/widgets/busy", null, true);

    status(response, 429, "TooManyRequests");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void oversizedBodyIsRequestEntityTooLarge() throws Exception {
    status(
        send("POST", BASE + "/namespaces/ns/runs", "x".repeat(1000), true),
        413,
        "RequestEntityTooLarge");
  }

  @Test
  void unauthenticatedRequestsGetUnauthorizedExceptProbes() throws Exception {
    status(send("GET", BASE + "/widgets", null, false), 401, "Unauthorized");
    status(send("GET", "/nothing", null, false), 401, "Unauthorized");
    assertThat(send("GET", "/livez", null, false).body()).isEqualTo("ok");
  }
}
