package dev.psinfo.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;
import java.time.Duration;

/**
 * The command line's RMI sockets: every connect and every read waits at most the current timeout,
 * so a JMX port that accepts and never speaks, or answers the RMI handshake and then stalls, ends
 * in a {@link java.net.SocketTimeoutException} instead of a hang. Installed once per JVM as the RMI
 * socket factory (the registry lookup and the connector's calls both use it when the server did not
 * choose a factory of its own, which the JDK's {@code jmxremote} agent does not without SSL).
 * Thread-safe.
 */
final class TimeoutSocketFactory extends RMISocketFactory {
  private static volatile int timeoutMillis = 10_000;

  private TimeoutSocketFactory() {}

  /**
   * Makes RMI sockets created from now on wait at most {@code timeout}; installs the factory on the
   * first call.
   *
   * @return the previous timeout, to restore
   */
  static synchronized Duration use(Duration timeout) {
    Duration previous = Duration.ofMillis(timeoutMillis);
    timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    if (!(RMISocketFactory.getSocketFactory() instanceof TimeoutSocketFactory)) {
      try {
        RMISocketFactory.setSocketFactory(new TimeoutSocketFactory());
      } catch (IOException e) {
        // another factory is installed in this JVM (only possible when embedded): keep it
      }
    }
    return previous;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    int t = timeoutMillis;
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), t);
      s.setSoTimeout(t);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return new ServerSocket(port);
  }
}
