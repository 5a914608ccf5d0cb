package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's Flight Recorder events in a real child JVM, recorded with the documented command line
 * and {@code jfr/psinfo.jfc}, read back with {@link RecordingFile}.
 */
@EnabledOnOs(OS.LINUX)
class JfrIT {
  @TempDir Path tmp;

  @Test
  void aRecordingWithTheSettingsFileHasHostTotalsAndTopProcesses() throws Exception {
    Path file = tmp.resolve("rec.jfr");
    String recording =
        "-XX:StartFlightRecording:settings=default,settings="
            + Path.of("jfr", "psinfo.jfc").toAbsolutePath()
            + ",+psinfo.HostProcesses#period=1 s,filename="
            + file;
    List<RecordedEvent> events;
    try (ChildJvm child = ChildJvm.start(List.of(recording, "-javaagent:" + ChildJvm.agentJar()))) {
      // the first period: the agent's status bean counts the scan the event made
      long deadline = System.nanoTime() + 60_000_000_000L;
      while ((Long) child.jmx().getAttribute(ChildJvmNames.AGENT, "Scans") < 2
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(child.stop()).isZero();
    }
    assertThat(file).exists();
    events = RecordingFile.readAllEvents(file);
    List<RecordedEvent> hosts = named(events, "psinfo.HostProcesses");
    List<RecordedEvent> processes = named(events, "psinfo.Process");
    assertThat(hosts).isNotEmpty();
    assertThat(hosts.get(0).getLong("processCount")).isGreaterThan(1);
    assertThat(hosts.get(0).getLong("totalMemoryBytes")).isEqualTo(memTotalKb() * 1024);
    assertThat(processes).isNotEmpty();
    // each period records at most 10, ranked from 1, real pids with names
    assertThat(processes).allMatch(e -> e.getInt("rank") >= 1 && e.getInt("rank") <= 10);
    assertThat(processes).allMatch(e -> e.getLong("pid") >= 1 && !e.getString("name").isEmpty());
    // beside the JVM's own events in the same recording
    assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.CPULoad"));
  }

  @Test
  void withoutTheSettingsARecordingHasNoPsinfoEventsAndTheAgentScansNothing() throws Exception {
    Path file = tmp.resolve("default.jfr");
    try (ChildJvm child =
        ChildJvm.start(
            List.of(
                "-XX:StartFlightRecording:settings=default,filename=" + file,
                "-javaagent:" + ChildJvm.agentJar()))) {
      Thread.sleep(1500); // several periods of a 1 s event, had it been enabled
      assertThat(child.jmx().getAttribute(ChildJvmNames.AGENT, "Scans")).isEqualTo(0L);
      assertThat(child.stop()).isZero();
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    assertThat(events).isNotEmpty();
    assertThat(events).noneMatch(e -> e.getEventType().getName().startsWith("psinfo."));
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }

  private static long memTotalKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError("no MemTotal");
  }
}
