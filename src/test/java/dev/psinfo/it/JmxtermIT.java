package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** jmxterm, a real command-line JMX client, reads the agent in a child JVM over RMI. */
@EnabledOnOs(OS.LINUX)
class JmxtermIT {
  @Test
  void jmxtermReadsAttributesAndRunsOperations() throws Exception {
    int port = freePort();
    List<String> jvm =
        List.of(
            // only the child's own row (and its port's), so the whole table is short to print
            "-javaagent:" + ChildJvm.agentJar() + "=include=jmxremote[.]port=" + port,
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.rmi.port=" + port,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false");
    try (ChildJvm child = ChildJvm.start(jvm)) {
      String out =
          jmxterm(
              port,
              "get -b psinfo:type=ProcessTable ProcessCount\n"
                  + "run -b psinfo:type=ProcessTable process "
                  + child.pid()
                  + "\n"
                  + "get -b psinfo:type=SystemInfo LogicalProcessors\n"
                  + "get -b psinfo:type=Agent Probe Scans\n"
                  + "run -b psinfo:type=ProcessTable psText pid 3\n"
                  + "run -b psinfo:type=ProcessTable topByCpu 0\n"
                  + "get -b psinfo:type=ProcessTable Processes\n");
      assertThat(out).containsPattern("ProcessCount = [1-9][0-9]*;");
      assertThat(out).contains("pid = " + child.pid() + ";");
      assertThat(out).contains("name = java;");
      assertThat(out).contains("ppid = " + ProcessHandle.current().pid() + ";");
      assertThat(out)
          .contains("LogicalProcessors = " + Runtime.getRuntime().availableProcessors() + ";");
      assertThat(out).contains("Probe = linux;");
      assertThat(out).containsPattern("Scans = [12];");
      // psText: the table as ps prints it (include= leaves the child, whose parent is this JVM)
      assertThat(out).containsPattern("(?m)^\\s*PID\\s+PPID\\s+USER\\s+%CPU\\s+RSS.*COMMAND$");
      assertThat(out)
          .containsPattern(
              "(?m)^\\s*" + child.pid() + "\\s+" + ProcessHandle.current().pid() + "\\s+\\S+");
      // a bad argument reaches the client as a clear message
      assertThat(out).contains("IllegalArgumentException: n must be 1 or more: 0");
      // the flat table: each row carries every item, the index ones included
      String table = out.substring(out.indexOf("Processes = "));
      assertThat(table).contains("pid = " + child.pid() + ";", "rssBytes = ", "nice = ");
      assertThat(table).doesNotContain("key = ", "value = ");
    }
  }

  private static String jmxterm(int port, String script) throws IOException, InterruptedException {
    Path jar = ChildJvm.clients().resolve("jmxterm-uber.jar");
    Process p =
        Spawned.start(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "-l",
                    "127.0.0.1:" + port,
                    "-n",
                    "-v",
                    "brief")
                .redirectErrorStream(true));
    p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      Spawned.killTree(p);
      throw new AssertionError("jmxterm did not finish");
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
