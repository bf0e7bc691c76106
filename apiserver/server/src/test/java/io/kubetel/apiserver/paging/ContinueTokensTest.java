package io.kubetel.apiserver.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.window.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Continue tokens: round trip, tampering, binding to the list, expiry, limits. */
class ContinueTokensTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456789Z");
  final MutableClock clock = new MutableClock(NOW);
  final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  final ContinueTokens tokens =
      new ContinueTokens(new ContinueKey(key), Duration.ofMinutes(15), clock);
  final ContinueToken token =
      new ContinueToken(
          "metrics",
          "shop",
          "abc",
          new TimeWindow(NOW.minusSeconds(900), NOW),
          new Cursor(List.of("m", "svc, 'x'", "n-1")),
          NOW);

  @Test
  void roundTripsEverything() {
    String text = tokens.issue(token);
    assertThat(text).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    ContinueToken back = tokens.verify(text, "metrics", "shop", "abc");
    assertThat(back.window()).isEqualTo(token.window());
    assertThat(back.cursor()).isEqualTo(token.cursor());
    assertThat(back.issuedAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void rejectsEveryMismatch() {
    String text = tokens.issue(token);
    assertThatThrownBy(() -> tokens.verify(text, "logs", "shop", "abc"))
        .hasMessageContaining("issued for metrics, not logs");
    assertThatThrownBy(() -> tokens.verify(text, "metrics", "", "abc"))
        .hasMessageContaining("not all namespaces");
    assertThatThrownBy(() -> tokens.verify(text, "metrics", "shop", "xyz"))
        .hasMessageContaining("different labelSelector");
  }

  @Test
  void rejectsTamperedPayloadAndForeignKeys() {
    String text = tokens.issue(token);
    String payload =
        new String(
            Base64.getUrlDecoder().decode(text.substring(0, text.indexOf('.'))),
            StandardCharsets.UTF_8);
    String moved =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("n-1", "n-9").getBytes(StandardCharsets.UTF_8))
            + text.substring(text.indexOf('.'));
    assertThatThrownBy(() -> tokens.verify(moved, "metrics", "shop", "abc"))
        .hasMessageContaining("signature does not match");
    ContinueTokens other =
        new ContinueTokens(new ContinueKey(new byte[32]), Duration.ofMinutes(15), clock);
    assertThatThrownBy(() -> other.verify(text, "metrics", "shop", "abc"))
        .hasMessageContaining("signature does not match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "a.b.c", "!!!.###", ".", "eyJ9.eyJ9"})
  void garbageIs400(String garbage) {
    assertThatThrownBy(() -> tokens.verify(garbage, "metrics", "shop", "abc"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(400))
        .hasMessageStartingWith("invalid continue token");
  }

  @Test
  void expiresAfterTheTtlWith410() {
    String text = tokens.issue(token);
    clock.advance(Duration.ofMinutes(14));
    assertThat(tokens.verify(text, "metrics", "shop", "abc").cursor()).isEqualTo(token.cursor());
    clock.advance(Duration.ofMinutes(2));
    assertThatThrownBy(() -> tokens.verify(text, "metrics", "shop", "abc"))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(((ApiException) e).code()).isEqualTo(410);
              assertThat(((ApiException) e).reason()).isEqualTo("Expired");
            });
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> new ContinueKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limits() {
    assertThat(PageLimits.parse(null, 500)).isEqualTo(500);
    assertThat(PageLimits.parse("1", 500)).isEqualTo(1);
    assertThat(PageLimits.parse("10000", 500)).isEqualTo(10000);
    for (String bad : List.of("0", "-1", "10001", "x", "1.5")) {
      assertThatThrownBy(() -> PageLimits.parse(bad, 500)).isInstanceOf(ApiException.class);
    }
  }
}
