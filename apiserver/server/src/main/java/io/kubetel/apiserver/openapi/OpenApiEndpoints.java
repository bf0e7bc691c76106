package io.kubetel.apiserver.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.discovery.ServedGroup;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.model.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Serves {@code /openapi/v3} (the index), {@code /openapi/v3/apis/<group>/<version>} and {@code
 * /openapi/v2} (JSON only). Documents are rendered once at startup. The v3 index links the
 * group-version document with {@code ?hash=}; a request carrying the current hash may be cached
 * forever, like kube-apiserver does.
 *
 * <p>{@code /openapi/v2} answers 406 NotAcceptable when the client accepts only protobuf (kubectl's
 * default). kubectl then reports an error only for commands that need v2; explain and get use v3,
 * and create skips v2 thanks to the PATCH operation in the v3 document.
 */
public final class OpenApiEndpoints implements EndpointGroup {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final String GV_PATH = "/openapi/v3/" + TelemetryApiGroup.PATH.substring(1);

  private final String v3Body;
  private final String v3Hash;
  private final List<Published> others = new ArrayList<>();
  private final String indexBody;
  private final String v2Body;
  private final String v2Etag;

  /**
   * @param resources the telemetry resources
   * @param customGroups read-only custom resource groups (standalone mode) published next to it, in
   *     v3 only: kubectl explain reads v3, and behind kube-apiserver the CRDs publish them
   */
  public OpenApiEndpoints(List<ResourceInfo> resources, List<ServedGroup> customGroups) {
    ObjectNode v3 = OpenApiV3Document.build(resources);
    this.v3Body = v3.toString();
    this.v3Hash = sha512(v3Body);
    ObjectNode index = MAPPER.createObjectNode();
    ObjectNode paths = index.putObject("paths");
    paths
        .putObject(TelemetryApiGroup.PATH.substring(1))
        .put("serverRelativeURL", GV_PATH + "?hash=" + v3Hash);
    for (ServedGroup group : customGroups) {
      String body = CustomResourceOpenApiDocument.build(group).toString();
      Published published =
          new Published("/openapi/v3/apis/" + group.groupVersion(), body, sha512(body));
      others.add(published);
      paths
          .putObject("apis/" + group.groupVersion())
          .put("serverRelativeURL", published.path() + "?hash=" + published.hash());
    }
    this.indexBody = index.toString();
    this.v2Body = SwaggerV2Converter.convert(v3).toString();
    this.v2Etag = "\"" + sha512(v2Body) + "\"";
  }

  @Override
  public void register(Router router) {
    router.get("/openapi/v3").handler(EndpointGroup.label("openapi")).handler(this::index);
    router
        .get(GV_PATH)
        .handler(EndpointGroup.label("openapi"))
        .handler(c -> groupVersion(c, v3Body, v3Hash));
    for (Published p : others) {
      router
          .get(p.path())
          .handler(EndpointGroup.label("openapi"))
          .handler(c -> groupVersion(c, p.body(), p.hash()));
    }
    router.get("/openapi/v2").handler(EndpointGroup.label("openapi")).handler(this::v2);
  }

  private void index(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private")
        .end(indexBody);
  }

  /** A published group-version document: where, its body and its hash. */
  private record Published(String path, String body, String hash) {}

  private static void groupVersion(RoutingContext context, String body, String hash) {
    String etag = "\"" + hash + "\"";
    context.response().putHeader("ETag", etag);
    if (hash.equals(context.request().getParam("hash"))) {
      context.response().putHeader("Cache-Control", "public, immutable");
    } else {
      context.response().putHeader("Cache-Control", "no-cache, private");
    }
    if (etag.equals(context.request().getHeader("If-None-Match"))) {
      context.response().setStatusCode(304).end();
      return;
    }
    context.response().putHeader("Content-Type", "application/json").end(body);
  }

  private void v2(RoutingContext context) {
    if (!acceptsJson(context.request().getHeader("Accept"))) {
      context.fail(
          new ApiException(
              406,
              "NotAcceptable",
              "only application/json is supported for /openapi/v2; use /openapi/v3"));
      return;
    }
    context.response().putHeader("ETag", v2Etag);
    if (v2Etag.equals(context.request().getHeader("If-None-Match"))) {
      context.response().setStatusCode(304).end();
      return;
    }
    context.response().putHeader("Content-Type", "application/json").end(v2Body);
  }

  /** Whether an Accept header allows JSON (absent means anything). */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  private static String sha512(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-512");
      return HexFormat.of()
          .withUpperCase()
          .formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is always available", e);
    }
  }
}
