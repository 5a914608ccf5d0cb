package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jmx HOST:PORT} against servers that never answer: both hung (for 60 s, and for good)
 * before the timeout; now one line on stderr and exit code 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmxTimeoutTest {
  private final List<Socket> accepted = new ArrayList<>();
  private ServerSocket server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket s : accepted) {
      s.close();
    }
    // the factory is JVM-wide: leave the default for the other tests of this JVM
    TimeoutSocketFactory.use(JmxCommand.DEFAULT_TIMEOUT);
  }

  @Test
  void aPortThatAcceptsAndNeverSpeaks() throws Exception {
    int port = serve(false);
    CliRun r = CliRun.of("jmx", "--timeout", "1s", "127.0.0.1:" + port, "ps");
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("psinfo-jmx: cannot connect to 127.0.0.1:" + port);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aServerThatAnswersTheRmiHandshakeThenStalls() throws Exception {
    int port = serve(true);
    CliRun r = CliRun.of("jmx", "--timeout=1500ms", "127.0.0.1:" + port, "info");
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("psinfo-jmx: cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    CliRun r = CliRun.of("jmx", "--timeout", "soon", "127.0.0.1:9", "ps");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("psinfo-jmx: jmx: bad value for --timeout: 'soon'");
    assertThat(CliRun.of("jmx", "--timeout").err()).contains("option --timeout needs a value");
  }

  /**
   * A loopback server that accepts connections and, with {@code handshake}, answers the JRMP
   * stream-protocol header like an RMI registry would (ProtocolAck, the client's host and port),
   * then reads the client's call and never replies.
   */
  private int serve(boolean handshake) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  synchronized (accepted) {
                    accepted.add(s);
                  }
                  if (handshake) {
                    answerHandshake(s);
                  }
                } catch (IOException e) {
                  return;
                }
              }
            },
            "stalling-jmx-server");
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  private static void answerHandshake(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] header = new byte[7]; // "JRMI", version 2, protocol
    in.readFully(header);
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeByte(0x4e); // ProtocolAck
    out.writeUTF(s.getInetAddress().getHostAddress());
    out.writeInt(s.getPort());
    out.flush();
    Thread drain =
        new Thread(
            () -> {
              try (InputStream i = s.getInputStream()) {
                byte[] b = new byte[4096];
                while (i.read(b) >= 0) {
                  // swallow the client's endpoint and call, answer nothing
                }
              } catch (IOException e) {
                // closed by the test
              }
            },
            "stalling-jmx-drain");
    drain.setDaemon(true);
    drain.start();
  }
}
