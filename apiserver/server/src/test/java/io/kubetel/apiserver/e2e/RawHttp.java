package io.kubetel.apiserver.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 spoken by hand over a socket, for what a real client would never do (trickle a request
 * byte by byte, hold connections open): one request written, one response read (head and a
 * Content-Length body), or everything until the server closes.
 */
final class RawHttp {
  private RawHttp() {}

  /** {@code GET path} with {@code extraHeaders} (each ending in CRLF), keep-alive. */
  static String get(String path, String extraHeaders) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
  }

  /** Writes {@code request} and reads one response (status line, headers, body). */
  static String exchange(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return readResponse(socket.getInputStream());
  }

  /** Reads one response; its body by Content-Length. */
  static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    String text = "";
    while (!text.endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.size() + " bytes: " + head);
      }
      head.write(b);
      text = head.toString(StandardCharsets.US_ASCII);
    }
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return text + new String(body, StandardCharsets.UTF_8);
  }

  /** Everything the server sends until it closes the connection (a reset counts as closed). */
  static String readUntilClosed(InputStream in) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        all.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      // closed with a reset: what was read so far is the answer
    }
    return all.toString(StandardCharsets.UTF_8);
  }
}
