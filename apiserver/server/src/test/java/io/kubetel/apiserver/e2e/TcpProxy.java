package io.kubetel.apiserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder to simulate a storage outage without touching the shared ClickHouse:
 * {@link #down()} closes the listening socket and every open connection (clients then see
 * "connection refused"), {@link #up()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;
  private int port;

  private TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Starts forwarding a free loopback port to {@code targetHost:targetPort}. */
  public static TcpProxy start(String targetHost, int targetPort) throws IOException {
    TcpProxy proxy = new TcpProxy(targetHost, targetPort);
    proxy.up();
    return proxy;
  }

  /** The local port (stable across {@link #down()}/{@link #up()}). */
  public int port() {
    return port;
  }

  /** Listens (again) and forwards new connections. */
  public synchronized void up() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    port = socket.getLocalPort();
    listener = socket;
    Thread accept = new Thread(() -> acceptLoop(socket), "tcp-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** Stops listening and cuts every open connection. */
  public synchronized void down() throws IOException {
    if (listener == null) {
      return;
    }
    listener.close();
    listener = null;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // Closed by down(), or the target refused: the client sees its connection drop.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (SocketException e) {
                // Connection cut by down() or by the peer.
              } catch (IOException e) {
                // Same: nothing to forward any more.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    down();
  }
}
