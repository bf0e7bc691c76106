package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.EndpointGroup;
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
 * Serves {@code /version}, {@code /api}, {@code /apis} (aggregated v2 or legacy, by Accept), {@code
 * /apis/<group>} and {@code /apis/<group>/<version>} of every served group. Bodies are rendered
 * once at startup; each carries a strong ETag and {@code If-None-Match} gets 304 (kube-apiserver
 * polls {@code /apis} every minute with it).
 */
public final class DiscoveryEndpoints implements EndpointGroup {
  /** Exact Content-Type kubectl requires before it trusts an aggregated discovery response. */
  public static final String AGGREGATED_V2 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private final Rendered version;
  private final Rendered api;
  private final Rendered groupList;
  private final Rendered aggregated;
  private final List<ServedGroup> groups;
  private final List<Rendered> group = new ArrayList<>();
  private final List<Rendered> resourceList = new ArrayList<>();

  public DiscoveryEndpoints(DiscoveryDocuments documents) {
    this.version = new Rendered(VersionInfo.document(), "application/json");
    this.api = new Rendered(documents.apiVersions(), "application/json");
    this.groupList = new Rendered(documents.groupList(), "application/json");
    this.aggregated = new Rendered(documents.aggregated(), AGGREGATED_V2);
    this.groups = documents.groups();
    for (ServedGroup served : groups) {
      group.add(new Rendered(documents.group(served), "application/json"));
      resourceList.add(new Rendered(documents.resourceList(served), "application/json"));
    }
  }

  @Override
  public void register(Router router) {
    router.get("/version").handler(EndpointGroup.label("version")).handler(version::send);
    router.get("/api").handler(EndpointGroup.label("discovery")).handler(api::send);
    router.get("/apis").handler(EndpointGroup.label("discovery")).handler(this::apis);
    for (int i = 0; i < groups.size(); i++) {
      ServedGroup served = groups.get(i);
      router
          .get("/apis/" + served.group())
          .handler(EndpointGroup.label("discovery"))
          .handler(group.get(i)::send);
      router
          .get("/apis/" + served.groupVersion())
          .handler(EndpointGroup.label("discovery"))
          .handler(resourceList.get(i)::send);
    }
  }

  private void apis(RoutingContext context) {
    context.response().putHeader("Vary", "Accept");
    if (wantsAggregated(context.request().getHeader("Accept"))) {
      aggregated.send(context);
    } else {
      groupList.send(context);
    }
  }

  /** Whether an Accept header asks for aggregated discovery v2 as JSON. */
  static boolean wantsAggregated(String accept) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.trim().split(";");
      if (!"application/json".equalsIgnoreCase(parts[0].trim())) {
        continue;
      }
      boolean group = false;
      boolean version = false;
      boolean kind = false;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
        group |= parameter.equals("g=apidiscovery.k8s.io");
        version |= parameter.equals("v=v2");
        kind |= parameter.equals("as=apigroupdiscoverylist");
      }
      if (group && version && kind) {
        return true;
      }
    }
    return false;
  }

  /** A pre-rendered JSON body with its content type and ETag. */
  private static final class Rendered {
    private final String body;
    private final String contentType;
    private final String etag;

    Rendered(ObjectNode document, String contentType) {
      this.body = document.toString();
      this.contentType = contentType;
      this.etag = "\"" + sha256(body) + "\"";
    }

    void send(RoutingContext context) {
      context.response().putHeader("ETag", etag);
      String match = context.request().getHeader("If-None-Match");
      if (match != null && (match.contains(etag) || match.trim().equals("*"))) {
        context.response().setStatusCode(304).end();
        return;
      }
      context.response().putHeader("Content-Type", contentType).end(body);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
