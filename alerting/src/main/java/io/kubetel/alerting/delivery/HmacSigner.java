package io.kubetel.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body: {@value #TIMESTAMP_HEADER} carries the Unix time of the attempt and {@value
 * #SIGNATURE_HEADER} {@code sha256=<hex>} the HMAC-SHA256, with the shared secret, of {@code
 * timestamp + "." + body}. Receivers recompute it and reject old timestamps (replays).
 */
public final class HmacSigner implements HttpDelivery.Signer {
  public static final String TIMESTAMP_HEADER = "X-Kubetel-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Kubetel-Signature";

  private final byte[] secret;
  private final Clock clock;

  public HmacSigner(String secret, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  public Map<String, String> sign(String body) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    return Map.of(
        TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, "sha256=" + hmac(secret, timestamp, body));
  }

  /** The hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String hmac(byte[] secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
