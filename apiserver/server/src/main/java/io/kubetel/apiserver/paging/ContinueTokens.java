package io.kubetel.apiserver.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.json.Json;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.window.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies continue tokens: {@code base64url(json) "." base64url(HMAC-SHA256)}. The
 * signature makes tokens tamper-proof (a client cannot move the cursor or window); binding the
 * resource, namespace and selector fingerprint stops a token from being replayed on another list.
 * Tokens older than the TTL are rejected with 410 Expired, as kube-apiserver does, so clients
 * restart the list.
 */
public final class ContinueTokens {
  private static final int VERSION = 1;
  private static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private final Supplier<ContinueKey> key;
  private final Duration ttl;
  private final Clock clock;
  private final ObjectMapper mapper = Json.mapper();

  /**
   * @param key the HMAC key
   * @param ttl how long a token stays valid
   */
  public ContinueTokens(ContinueKey key, Duration ttl, Clock clock) {
    this(() -> key, ttl, clock);
  }

  /**
   * @param key the current HMAC key: it may change (a key derived from a rotated certificate), and
   *     tokens signed with the previous key are then rejected as issued by another server
   * @param ttl how long a token stays valid
   */
  public ContinueTokens(Supplier<ContinueKey> key, Duration ttl, Clock clock) {
    this.key = key;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Encodes and signs {@code token}. */
  public String issue(ContinueToken token) {
    ObjectNode json = mapper.createObjectNode();
    json.put("v", VERSION);
    json.put("r", token.resource());
    json.put("ns", token.namespace());
    json.put("sh", token.selectorHash());
    json.put("ws", token.window().start().toString());
    json.put("we", token.window().end().toString());
    ArrayNode cursor = json.putArray("c");
    token.cursor().parts().forEach(cursor::add);
    json.put("iat", token.issuedAt().toEpochMilli());
    byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(payload) + "." + b64.encodeToString(sign(payload));
  }

  /**
   * Verifies {@code text} and checks that it continues this list.
   *
   * @throws ApiException 400 when forged, garbled or issued for another list; 410 when expired
   */
  public ContinueToken verify(String text, String resource, String namespace, String selectorHash) {
    if (text.length() > MAX_TOKEN_LENGTH) {
      throw invalid("it is too long");
    }
    int dot = text.indexOf('.');
    if (dot <= 0 || dot != text.lastIndexOf('.')) {
      throw invalid("it is not a token this server issued");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
      signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid("it is not valid base64url");
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      throw invalid("its signature does not match (altered, or issued by another server)");
    }
    ContinueToken token;
    try {
      JsonNode json = mapper.readTree(payload);
      if (json.path("v").asInt() != VERSION) {
        throw invalid("its version is not supported");
      }
      List<String> parts = new ArrayList<>();
      json.path("c").forEach(p -> parts.add(p.asText()));
      token =
          new ContinueToken(
              json.path("r").asText(),
              json.path("ns").asText(),
              json.path("sh").asText(),
              new TimeWindow(
                  Instant.parse(json.path("ws").asText()), Instant.parse(json.path("we").asText())),
              new Cursor(parts),
              Instant.ofEpochMilli(json.path("iat").asLong()));
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      throw invalid("its content cannot be read");
    }
    if (!token.resource().equals(resource)) {
      throw invalid("it was issued for " + token.resource() + ", not " + resource);
    }
    if (!token.namespace().equals(namespace)) {
      throw invalid(
          "it was issued for "
              + (token.namespace().isEmpty() ? "all namespaces" : "namespace " + token.namespace())
              + ", not "
              + (namespace.isEmpty() ? "all namespaces" : "namespace " + namespace));
    }
    if (!token.selectorHash().equals(selectorHash)) {
      throw invalid(
          "it was issued for different labelSelector, fieldSelector or window parameters;"
              + " repeat the first request's parameters");
    }
    if (token.issuedAt().plus(ttl).isBefore(clock.instant())) {
      throw new ApiException(
          410,
          "Expired",
          "The provided continue parameter is too old to display a consistent list result. You"
              + " can start a new list without the continue parameter.");
    }
    return token;
  }

  private byte[] sign(byte[] payload) {
    try {
      SecretKeySpec current = key.get().secretKey();
      Mac mac = Mac.getInstance(current.getAlgorithm());
      mac.init(current);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static ApiException invalid(String why) {
    return ApiException.badRequest("invalid continue token: " + why);
  }
}
