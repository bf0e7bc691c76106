package io.kubetel.sample;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo's local alert receiver: an HTTP server on loopback that answers 200 to every POST and
 * prints one line per notification (time, path, idempotency key, body) to standard output, so
 * {@code tail -f} shows alerts arriving. Stands in for Slack, PagerDuty and a webhook endpoint.
 */
@Command(
    name = "kubetel-demo-receiver",
    mixinStandardHelpOptions = true,
    description = "Receives the demo's alert notifications on loopback and prints them.")
public final class DemoReceiverMain implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "0", description = "Port (default: any free one).")
  int port;

  @Option(names = "--port-file", description = "Write the bound port to this file once listening.")
  Path portFile;

  public static void main(String[] args) {
    int code = new CommandLine(new DemoReceiverMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    HttpServer server = start(port, out);
    int bound = server.getAddress().getPort();
    if (portFile != null) {
      Files.writeString(portFile, Integer.toString(bound));
    }
    out.printf("event=demo_receiver_listening url=http://127.0.0.1:%d/%n", bound);
    return 0;
  }

  /**
   * Starts the receiver on loopback ({@code port} 0: any free one), printing one line per
   * notification to {@code out}; stop it with {@link HttpServer#stop}.
   */
  static HttpServer start(int port, PrintStream out) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          out.printf(
              "%s receiver=%s idempotency_key=%s body=%s%n",
              Instant.now(),
              exchange.getRequestURI().getPath(),
              key == null ? "-" : key,
              body.replace('\n', ' '));
          byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(ok);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return server;
  }
}
