package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.psinfo.probe.aix.FakeAixProc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shaded agent as a guest in real child JVMs: bad options leave the host untouched, a scan that
 * fails never reaches premain or a client as an unchecked exception of ours, the MBeans go away at
 * shutdown, loading twice is harmless, and a security manager does not hurt the host.
 */
@EnabledOnOs(OS.LINUX)
class GuestSafetyIT {
  static final ObjectName TABLE = ChildJvmNames.TABLE;
  static final ObjectName AGENT = ChildJvmNames.AGENT;
  static final ObjectName SYSTEM = ChildJvmNames.SYSTEM;
  static final String PREFIX = "psinfo-jmx: agent not started: ";

  @TempDir Path tmp;

  /** Lines of stderr that come from the agent (the JDK may add its own warnings). */
  private static List<String> agentLines(ChildJvm child) {
    return child.stderr().stream().filter(l -> l.contains("psinfo")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "colour=red                          | unknown option 'colour'",
        "ttl=5x                              | bad value for ttl: '5x'",
        "ttl=2h                              | bad value for ttl: '2h'",
        "include=[abc                        | bad value for include: '[abc' is not a valid regex",
        "maxRows=-1                          | bad value for maxRows",
        "config=/nonexistent/psinfo.properties | bad value for config: cannot read '/nonexistent/psinfo.properties'",
        "config=/                            | bad value for config: '/' is not a regular file",
        "procRoot=/nonexistent/proc          | bad value for procRoot: '/nonexistent/proc' is not a directory",
        "procRoot=/etc/passwd                | bad value for procRoot: '/etc/passwd' is not a directory",
        "probe=solaris                       | bad value for probe: 'solaris'",
        "ttl                                 | option 'ttl' is not key=value",
      })
  void aBadOptionIsOneClearLineAndTheHostRunsOn(String options, String expected) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + options), "7")) {
      assertThat(child.jmx().queryNames(new ObjectName("psinfo:*"), null)).isEmpty();
      assertThat(child.stop()).isEqualTo(7);
      List<String> lines = agentLines(child);
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).startsWith(PREFIX + expected);
      assertThat(child.stderr()).hasSize(1);
    }
  }

  @Test
  void aBadLineInAConfigFileIsReportedTheSameWay() throws Exception {
    Path config = Files.writeString(tmp.resolve("psinfo.properties"), "ttl=1s\nshade=blue\n");
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=config=" + config), "3")) {
      assertThat(child.stop()).isEqualTo(3);
      assertThat(child.stderr())
          .singleElement()
          .asString()
          .startsWith(PREFIX + "unknown option 'shade' in config file " + config);
    }
  }

  @Test
  void aProcRootDeletedAfterStartServesTheLastSnapshotAndNeverThrowsOurs() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    FakeAixProc.writeProcesses(proc, 1, 5);
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-javaagent:" + ChildJvm.agentJar() + "=probe=aix,ttl=0,procRoot=" + proc),
            "5")) {
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.getAttribute(TABLE, "ProcessCount")).isEqualTo(5);
      deleteTree(proc);
      // ttl 0: every read scans, every scan fails, the last good snapshot is served
      assertThat(jmx.getAttribute(TABLE, "ProcessCount")).isEqualTo(5);
      assertThat(jmx.invoke(TABLE, "refresh", new Object[0], new String[0])).isEqualTo(5);
      assertThat((Long) jmx.getAttribute(AGENT, "ScanErrors")).isGreaterThanOrEqualTo(2L);
      assertThat((String) jmx.getAttribute(AGENT, "LastError")).contains(proc.toString());
      readEverything(jmx);
      assertThat(child.stop()).isEqualTo(5);
    }
  }

  @Test
  void aProcRootGoneBeforeTheFirstScanGivesAClearJdkErrorAndSentinels() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-javaagent:" + ChildJvm.agentJar() + "=probe=linux,procRoot=" + proc), "9")) {
      Files.delete(proc);
      MBeanServerConnection jmx = child.jmx();
      Throwable t = catchThrowable(() -> jmx.getAttribute(TABLE, "ProcessCount"));
      // the client can deserialize what it gets: a JDK exception with a message that says why
      assertThat(t).isInstanceOf(RuntimeMBeanException.class);
      assertThat(t.getCause()).isExactlyInstanceOf(IllegalStateException.class);
      assertThat(t.getCause().getMessage())
          .startsWith("process table unavailable:")
          .contains(proc.toString());
      assertThat(t.getCause().getCause()).isNull();
      // SystemInfo never throws: sentinels instead
      assertThat(jmx.getAttribute(SYSTEM, "ProcessCount")).isEqualTo(-1);
      assertThat((Long) jmx.getAttribute(AGENT, "ScanErrors")).isPositive();
      assertThat(child.stop()).isEqualTo(9);
    }
  }

  @Test
  void theMBeansAreUnregisteredAtShutdown() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-Dpsinfo.it.watchUnregister=true", "-javaagent:" + ChildJvm.agentJar()))) {
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.queryNames(new ObjectName("psinfo:*"), null)).hasSize(4);
      jmx.getAttribute(TABLE, "Processes");
      assertThat(child.stop()).isZero();
      assertThat(child.stdout()).contains("PSINFO MBEANS AT EXIT 0");
    }
  }

  @Test
  void loadedTwiceOnTheCommandLineAndAttachedAgainItRegistersOnce() throws Exception {
    String jar = ChildJvm.agentJar().toString();
    try (ChildJvm child =
        ChildJvm.start(List.of("-javaagent:" + jar + "=ttl=1s", "-javaagent:" + jar + "=ttl=9s"))) {
      // ChildJvm adds log=info to the -javaagent options, so that they say what they did
      child.loadAgent("ttl=30s,log=info");
      MBeanServerConnection jmx = child.jmx();
      assertThat(jmx.queryNames(new ObjectName("psinfo:*"), null)).hasSize(4);
      assertThat(jmx.getAttribute(AGENT, "Options")).isEqualTo("ttl=1s,log=info");
      assertThat((Integer) jmx.getAttribute(TABLE, "ProcessCount")).isPositive();
      assertThat(child.stderr().stream().filter(l -> l.contains("already registered"))).hasSize(2);
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void securityManagerAllowedButNotInstalledChangesNothing() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            List.of("-Djava.security.manager=allow", "-javaagent:" + ChildJvm.agentJar()), "4")) {
      MBeanServerConnection jmx = child.jmx();
      assertThat((Integer) jmx.getAttribute(TABLE, "ProcessCount")).isPositive();
      readEverything(jmx);
      assertThat(child.stop()).isEqualTo(4);
    }
  }

  /**
   * A policy as a host under a security manager has: the application (here the test classes) is
   * granted what it needs; {@code agentGrant} is added as given.
   */
  private Path policy(String agentGrant) throws Exception {
    return Files.writeString(
        tmp.resolve("host.policy"),
        "grant codeBase \"file:"
            + Path.of("target", "test-classes").toAbsolutePath()
            + "/-\" { permission java.security.AllPermission; };\n"
            + agentGrant);
  }

  @Test
  void anInstalledSecurityManagerWithoutAGrantKeepsTheAgentOffCleanly() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "-Djava.security.manager",
                "-Djava.security.policy=" + policy(""),
                "-javaagent:" + ChildJvm.agentJar()),
            "6")) {
      assertThat(child.jmx().queryNames(new ObjectName("psinfo:*"), null)).isEmpty();
      assertThat(child.stop()).isEqualTo(6);
      List<String> lines = agentLines(child);
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).startsWith(PREFIX).contains("access denied");
    }
  }

  @Test
  void anInstalledSecurityManagerThatGrantsTheAgentLetsItWork() throws Exception {
    Path policy =
        policy(
            "grant codeBase \"file:"
                + ChildJvm.agentJar().toAbsolutePath()
                + "\" { permission java.security.AllPermission; };\n");
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "-Djava.security.manager",
                "-Djava.security.policy=" + policy,
                "-javaagent:" + ChildJvm.agentJar()),
            "8")) {
      MBeanServerConnection jmx = child.jmx();
      assertThat((Integer) jmx.getAttribute(TABLE, "ProcessCount")).isPositive();
      readEverything(jmx);
      assertThat(child.stop()).isEqualTo(8);
      assertThat(agentLines(child)).noneMatch(l -> l.contains("not started"));
    }
  }

  /** Reads every attribute of every psinfo bean; none may fail. */
  static List<Object> readEverything(MBeanServerConnection jmx) throws Exception {
    List<Object> values = new ArrayList<>();
    for (ObjectName name : jmx.queryNames(new ObjectName("psinfo:*"), null)) {
      for (MBeanAttributeInfo a : jmx.getMBeanInfo(name).getAttributes()) {
        values.add(jmx.getAttribute(name, a.getName()));
      }
    }
    return values;
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
