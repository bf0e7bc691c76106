package io.kubetel.store.clickhouse;

import io.kubetel.model.store.StoreLimitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bound on how many bytes of one ClickHouse response are held in memory: the gateway reads a
 * response through {@link #read} and never more than {@code maxBytes}. Past it the read stops (the
 * caller closes the response, which drops the connection) and fails with {@link
 * StoreLimitException.Limit#RESPONSE_BYTES}, which the API server answers with a 400 Status asking
 * to narrow the request. Kept in this one class so that a streaming reader can apply the same bound
 * to the bytes it consumes.
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
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxBytes) {
        throw exceeded();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
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
