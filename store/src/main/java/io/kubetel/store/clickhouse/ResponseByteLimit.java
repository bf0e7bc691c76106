package io.kubetel.store.clickhouse;

import io.kubetel.model.store.StoreLimitException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bound on how many bytes of one ClickHouse response are held in memory: the gateway reads a
 * response through {@link #read} and never more than {@code maxBytes}. Past it the read stops (the
 * caller closes the response, which drops the connection) and fails with {@link
 * StoreLimitException.Limit#RESPONSE_BYTES}, which the API server answers with a 400 Status asking
 * to narrow the request. The gateway parses rows straight from {@link #bounded} (no copy of the
 * whole body is held); {@link #read} is the same bound for callers that need the bytes.
 */
public final class ResponseByteLimit {
  private static final int CHUNK = 64 * 1024;

  private final long maxBytes;

  public ResponseByteLimit(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Reads {@code in} whole, or fails once it holds more than the bound. */
  public byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bounded(in).transferTo(out);
    return out.toByteArray();
  }

  /**
   * {@code in} as a stream that fails with the limit error once more than the bound has been read
   * from it, and remembers the last bytes it passed on ({@link Bounded#tail}): a server error
   * written after the first rows is at the end of the body.
   */
  public Bounded bounded(InputStream in) {
    return new Bounded(in);
  }

  /** A response body read under the bound. */
  public final class Bounded extends FilterInputStream {
    private static final int TAIL = 4096;

    private final byte[] tail = new byte[TAIL];
    private long total;

    private Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, Math.min(len, CHUNK));
      if (n > 0) {
        total += n;
        if (total > maxBytes) {
          throw exceeded();
        }
        remember(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Through read, so skipped bytes count towards the bound too.
      byte[] buffer = new byte[(int) Math.max(1, Math.min(n, CHUNK))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r == -1) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    private void remember(byte[] b, int off, int n) {
      int keep = Math.min(n, TAIL);
      System.arraycopy(tail, keep, tail, 0, TAIL - keep);
      System.arraycopy(b, off + n - keep, tail, TAIL - keep, keep);
    }

    /**
     * Leaves the response's stream open: the parser closes its source when it fails, before the
     * rest of the body (where a server error is) has been read; the response closes the stream.
     */
    @Override
    public void close() {}

    /** Bytes read so far. */
    public long total() {
      return total;
    }

    /**
     * The rest of the body (still bounded) appended to the last bytes read, as text: what a failed
     * parse shows to find a server error.
     */
    public String drainTail() throws IOException {
      byte[] rest = new byte[CHUNK];
      while (read(rest, 0, rest.length) != -1) {
        // each read moves the tail on
      }
      int held = (int) Math.min(total, TAIL);
      return new String(tail, TAIL - held, held, StandardCharsets.UTF_8);
    }
  }

  private StoreLimitException exceeded() {
    return new StoreLimitException(
        StoreLimitException.Limit.RESPONSE_BYTES,
        "the storage answer is larger than "
            + maxBytes
            + " bytes (--clickhouse-max-response-bytes)",
        null);
  }
}
