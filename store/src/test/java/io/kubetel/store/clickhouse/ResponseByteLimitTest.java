package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.store.StoreLimitException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bound on one response's bytes: whole under it, a limit error (and no further read) past it.
 */
class ResponseByteLimitTest {
  @Test
  void aResponseWithinTheBoundIsReadWhole() throws Exception {
    byte[] body = "{\"a\":1}\n".repeat(1000).getBytes();

    assertThat(new ResponseByteLimit(body.length).read(new ByteArrayInputStream(body)))
        .isEqualTo(body);
  }

  @Test
  void aLargerResponseFailsWithoutBeingReadToTheEnd() {
    AtomicLong served = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            served.addAndGet(len);
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };

    assertThatThrownBy(() -> new ResponseByteLimit(1_000_000).read(endless))
        .isInstanceOfSatisfying(
            StoreLimitException.class,
            e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.RESPONSE_BYTES))
        .hasMessageContaining("larger than 1000000 bytes");
    assertThat(served.get()).isLessThan(1_200_000);
  }

  @Test
  void theBoundedStreamKeepsTheEndOfTheBodyForErrors() throws Exception {
    String body = "{\"a\":1}\n".repeat(2000) + "Code: 241. DB::Exception: Memory limit";
    var bounded =
        new ResponseByteLimit(1_000_000)
            .bounded(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    bounded.read(new byte[100], 0, 100);

    String tail = bounded.drainTail();

    assertThat(tail).endsWith("Code: 241. DB::Exception: Memory limit").hasSizeLessThan(4097);
    assertThat(bounded.total()).isEqualTo(body.length());
  }

  @Test
  void skippedBytesCountTowardsTheBound() {
    var bounded = new ResponseByteLimit(1000).bounded(new ByteArrayInputStream(new byte[5000]));

    assertThatThrownBy(() -> bounded.skip(4000)).isInstanceOf(StoreLimitException.class);
  }
}
