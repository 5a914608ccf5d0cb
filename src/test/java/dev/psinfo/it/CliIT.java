package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.jmx.ProcessTableClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it: {@code java -jar target/psinfo-jmx-agent.jar ...}. */
@EnabledOnOs(OS.LINUX)
class CliIT {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(ChildJvm.agentJar().toString());
    cmd.addAll(List.of(args));
    Process p = Spawned.start(new ProcessBuilder(cmd));
    p.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                return new byte[0];
              }
            });
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      Spawned.killTree(p);
      throw new AssertionError("cli did not exit: " + cmd);
    }
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  @Test
  void theReadmesFirstCommandShowsTheLiveTable() throws Exception {
    Result r = cli("ps", "--sort", "cpu");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .matches(" +PID +PPID USER +%CPU +RSS +VSZ THR +NI S START +TIME COMMAND");
    assertThat(r.out()).contains("psinfo-jmx-agent.jar ps --sort cpu");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpVersionAndABadCommand() throws Exception {
    assertThat(cli("--help").out()).contains("Commands:");
    assertThat(cli("ps", "--help").out()).contains("--sort cpu|rss|pid");
    Result version = cli("--version");
    assertThat(version.out()).startsWith("psinfo-jmx 0.");
    Result bad = cli("pss");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .isEqualTo(
            "psinfo-jmx: unknown command 'pss' (commands: ps, top, info,"
                + " attach, capture, jmx; see --help)\n");
    Result badOption = cli("top", "--iterations", "zero");
    assertThat(badOption.code()).isEqualTo(2);
    assertThat(badOption.err().lines()).hasSize(1);
  }

  @Test
  void topWithIterationsPrintsPlainFramesWhenNotATerminal() throws Exception {
    Result r = cli("top", "--iterations", "2", "--interval", "200ms", "-n", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("\033");
    assertThat(r.out().lines().filter(l -> l.startsWith("psinfo-jmx top - "))).hasSize(2);
    assertThat(r.out().lines().filter(l -> l.startsWith("Mem: "))).hasSize(2);
  }

  @Test
  void infoAsJson() throws Exception {
    Result r = cli("info", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "\"osName\": \"Linux\"",
            "\"platform\": {",
            "\"coverage\": {\"coverageSummary\": \"complete",
            "\"pidNamespace\": \"host\"",
            "\"cpuSource\": \"counters\"");
  }

  @Test
  void attachLoadsTheAgentIntoARunningJvmOnce() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      String pid = Long.toString(child.pid());
      Result first = cli("attach", pid, "ttl=0");
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out())
          .contains(
              "loaded psinfo-jmx into pid " + pid,
              "psinfo:type=ProcessTable",
              "psinfo:type=SystemInfo",
              "psinfo:type=Agent");

      MBeanServerConnection jmx = child.jmx();
      ProcessTableClient table = new ProcessTableClient(jmx);
      assertThat(table.process(child.pid()).info().args()).contains(HostApp.class.getName());
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Options")).isEqualTo("ttl=0");

      Result second = cli("attach", pid, "ttl=5s");
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.out()).contains("already registered in pid " + pid + "; applied ttl=5s");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "Options")).isEqualTo("ttl=0");
      assertThat(jmx.getAttribute(ChildJvmNames.AGENT, "TtlMillis")).isEqualTo(5_000L);
      Result third = cli("attach", pid);
      assertThat(third.out()).contains("already registered in pid " + pid + "; nothing loaded");
      assertThat(jmx.queryNames(new javax.management.ObjectName("psinfo:*"), null)).hasSize(4);
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void attachExplainsADisabledAttachMechanism() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of("-XX:+DisableAttachMechanism"))) {
      Result r = cli("attach", Long.toString(child.pid()));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("-XX:+DisableAttachMechanism", "cannot be attached");
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void attachWithABadOptionChangesNothing() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      Result r = cli("attach", Long.toString(child.pid()), "ttl=forever");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("bad value for ttl");
      assertThat(child.jmx().isRegistered(ChildJvmNames.TABLE)).isFalse();
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void captureThisHostThenPsReadsItBack() throws Exception {
    try (ChildJvm child = ChildJvm.start(List.of())) {
      Path dir = tmp.resolve("capture");
      Result c = cli("capture", dir.toString());
      assertThat(c.code()).as(c.err()).isZero();
      Result back = cli("ps", "--proc-root", dir.resolve("proc").toString(), "--match", "HostApp");
      assertThat(back.code()).as(back.err()).isZero();
      assertThat(back.err()).isEmpty();
      // other builds on this machine may run a HostApp too: look for this child's own row
      assertThat(back.out().lines().skip(1).filter(l -> l.trim().startsWith(child.pid() + " ")))
          .singleElement()
          .asString()
          .matches(" *" + child.pid() + " +" + ProcessHandle.current().pid() + " .*HostApp.*");
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void captureTheAixSamplesIntoATarGzThenPsReadsItBack() throws Exception {
    Path aix = Path.of(System.getProperty("psinfo.testdata", "testdata")).resolve("aix/proc");
    Path archive = tmp.resolve("aix.tar.gz");
    Result c = cli("capture", archive.toString(), "--probe", "aix", "--proc-root", aix.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Process tar =
        Spawned.start(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString()));
    assertThat(tar.waitFor()).isZero();
    assertThat(tmp.resolve("aix/proc/5767616/lwp/9568687/lwpsinfo"))
        .hasSameBinaryContentAs(aix.resolve("5767616/lwp/9568687/lwpsinfo"));
    Result back =
        cli(
            "ps",
            "--probe",
            "aix",
            "--proc-root",
            tmp.resolve("aix/proc").toString(),
            "--format",
            "json");
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.out())
        .contains(
            "\"pid\": 1,", "\"args\": \"/etc/init\"", "\"pid\": 5767616,", "\"name\": \"cron\"");
  }

  /**
   * The jmx command's time limit here: its default (10 s) is for people; a build machine under load
   * may take longer to scan and answer, and the test is about the views, not about speed.
   */
  private static final String TIMEOUT = "120s";

  @Test
  void jmxReadsTheViewsFromARemoteAgent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> jvm =
        List.of(
            "-javaagent:" + ChildJvm.agentJar() + "=ttl=1s",
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false",
            "-Dcom.sun.management.jmxremote.host=127.0.0.1");
    try (ChildJvm child = ChildJvm.start(jvm)) {
      String target = "127.0.0.1:" + port;
      // the port is this child's alone (other builds on this machine may run a HostApp too)
      Result ps =
          cli(
              "jmx",
              "--timeout",
              TIMEOUT,
              target,
              "ps",
              "--match",
              "jmxremote[.]port=" + port + " ",
              "--format",
              "csv");
      assertThat(ps.code()).as(ps.err()).isZero();
      assertThat(ps.out().lines().skip(1).filter(l -> l.startsWith(child.pid() + ",")))
          .singleElement()
          .asString()
          .contains("HostApp");

      Result info = cli("jmx", "--timeout", TIMEOUT, target, "info");
      assertThat(info.code()).as(info.err()).isZero();
      assertThat(info.out())
          .contains("OsName", "Linux", "Platform.probe", "CpuBusyPercent", "Coverage.KernelTasks");
      assertThat(info.out().lines().filter(l -> l.startsWith("Coverage ")))
          .singleElement()
          .asString()
          .matches("Coverage +complete.*");

      Result top =
          cli(
              "jmx",
              "--timeout",
              TIMEOUT,
              target,
              "top",
              "--iterations",
              "2",
              "--interval",
              "100ms",
              "-n",
              "3");
      assertThat(top.code()).as(top.err()).isZero();
      // polled no faster than the remote ttl, so that each frame is a fresh scan
      assertThat(top.out()).contains("jmx " + target, "every 1050 ms");
      assertThat(top.out().lines().filter(l -> l.startsWith("psinfo-jmx top - "))).hasSize(2);
      assertThat(child.stop()).isZero();
    }
  }

  @Test
  void jmxToAJvmWithoutTheAgentSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> jvm =
        List.of(
            "-Dcom.sun.management.jmxremote.port=" + port,
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false",
            "-Dcom.sun.management.jmxremote.host=127.0.0.1");
    try (ChildJvm child = ChildJvm.start(jvm)) {
      Result r = cli("jmx", "127.0.0.1:" + port, "ps");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("the psinfo-jmx agent is not loaded in that JVM");
      assertThat(Files.exists(tmp)).isTrue();
      assertThat(child.stop()).isZero();
    }
  }
}
