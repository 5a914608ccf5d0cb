package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The agent opens no socket. Two child JVMs, one with the agent and one without, both reached
 * through the JDK's local management agent (which itself listens on loopback): after every bean has
 * been read, both hold the same number of listening TCP and bound UDP sockets. Sockets are matched
 * to a process through the inodes of its {@code /proc/<pid>/fd} links, since {@code
 * /proc/<pid>/net/*} lists the whole network namespace.
 */
@EnabledOnOs(OS.LINUX)
class NoListeningPortIT {
  @Test
  void theAgentListensOnNothing() throws Exception {
    try (ChildJvm plain = ChildJvm.start(List.of());
        ChildJvm withAgent = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      plain.jmx().getMBeanCount();
      MBeanServerConnection jmx = withAgent.jmx();
      GuestSafetyIT.readEverything(jmx);
      jmx.invoke(ChildJvmNames.TABLE, "refresh", new Object[0], new String[0]);

      Set<String> plainSockets = listening(plain.pid());
      Set<String> agentSockets = listening(withAgent.pid());
      // the JDK's local JMX connector listens in both (which shows the method sees sockets);
      // nothing else may differ
      assertThat(plainSockets).isNotEmpty();
      assertThat(agentSockets).hasSameSizeAs(plainSockets);
      assertThat(agentSockets).allMatch(s -> s.startsWith("tcp"));
    }
  }

  /** "proto local-address" of each listening TCP / bound UDP socket the process holds. */
  static Set<String> listening(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    Set<String> out = new TreeSet<>();
    for (String proto : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
      Path table = Path.of("/proc", Long.toString(pid), "net", proto);
      if (!Files.exists(table)) {
        continue;
      }
      List<String> lines = Files.readAllLines(table);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        boolean listens = proto.startsWith("tcp") ? f[3].equals("0A") : f[3].equals("07");
        if (listens && inodes.contains(f[9])) {
          out.add(proto + " " + f[1]);
        }
      }
    }
    return out;
  }
}
