package dev.psinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InfoViewTest {
  /** Every system value, of each kind a sentinel somewhere; hostile text in the host name. */
  static Map<SystemAttribute, Object> systemValues() {
    Map<SystemAttribute, Object> v = new EnumMap<>(SystemAttribute.class);
    v.put(SystemAttribute.HOSTNAME, "h\u001b]0;x\u0007ost");
    v.put(SystemAttribute.OS_NAME, "Linux");
    v.put(SystemAttribute.OS_VERSION, "");
    v.put(SystemAttribute.KERNEL_VERSION, "6.1.0");
    v.put(SystemAttribute.ARCHITECTURE, "amd64");
    v.put(SystemAttribute.CPU_MODEL, "AMD \"EPYC\"");
    v.put(SystemAttribute.LOGICAL_PROCESSORS, 8);
    v.put(SystemAttribute.PHYSICAL_CORES, -1);
    v.put(SystemAttribute.CPU_CLOCK_MHZ, 2450L);
    v.put(SystemAttribute.TOTAL_MEMORY_BYTES, 16L << 30);
    v.put(SystemAttribute.FREE_MEMORY_BYTES, 123456789L);
    v.put(SystemAttribute.AVAILABLE_MEMORY_BYTES, -1L);
    v.put(SystemAttribute.TOTAL_SWAP_BYTES, 0L);
    v.put(SystemAttribute.FREE_SWAP_BYTES, 0L);
    v.put(SystemAttribute.BOOT_TIME_MILLIS, 1_700_000_000_123L);
    v.put(SystemAttribute.UPTIME_SECONDS, 93_784L);
    v.put(SystemAttribute.LOAD_AVERAGE_1M, 0.5);
    v.put(SystemAttribute.LOAD_AVERAGE_5M, 1.25);
    v.put(SystemAttribute.LOAD_AVERAGE_15M, -1.0);
    v.put(SystemAttribute.PROCESS_COUNT, 312);
    v.put(SystemAttribute.THREAD_COUNT, 1024L);
    v.put(SystemAttribute.SNAPSHOT_TIME_MILLIS, 1_800_000_000_000L);
    v.put(
        SystemAttribute.PLATFORM,
        Map.of("probe", "linux", "distribution", "Debian", "k\u0007", "v"));
    v.put(SystemAttribute.CPU_BUSY_PERCENT, 12.5);
    v.put(SystemAttribute.CPU_USER_PERCENT, 10.0);
    v.put(SystemAttribute.CPU_SYSTEM_PERCENT, 2.5);
    v.put(SystemAttribute.CPU_IDLE_PERCENT, 87.5);
    v.put(SystemAttribute.CPU_IOWAIT_PERCENT, -1.0);
    v.put(SystemAttribute.CPU_INTERVAL_MILLIS, 2000L);
    v.put(SystemAttribute.CPU_SOURCE, "counters");
    return v;
  }

  static Reading<CoverageAttribute> coverage() {
    Map<CoverageAttribute, Object> v = new EnumMap<>(CoverageAttribute.class);
    v.put(CoverageAttribute.COVERAGE_SUMMARY, "hidepid=2: only \"uid\" 1001");
    v.put(CoverageAttribute.COMPLETE, false);
    v.put(CoverageAttribute.PROC_HIDEPID, 2);
    v.put(CoverageAttribute.PID_NAMESPACE, "host");
    v.put(CoverageAttribute.PID_NAMESPACE_REASON, "");
    v.put(CoverageAttribute.KERNEL_TASKS, -1L);
    v.put(CoverageAttribute.VISIBLE_PROCESSES, 12);
    v.put(CoverageAttribute.VISIBLE_TASKS, 40L);
    v.put(CoverageAttribute.HIDDEN_TASKS, 270L);
    v.put(CoverageAttribute.AGENT_EFFECTIVE_UID, 1001L);
    v.put(CoverageAttribute.OTHER_USERS_PROCESSES, 0);
    v.put(CoverageAttribute.DENIED_PROCESSES, 1);
    v.put(CoverageAttribute.STATUS_DENIED, 2);
    v.put(CoverageAttribute.CMDLINE_DENIED, 3);
    v.put(CoverageAttribute.IO_DENIED, 4);
    v.put(CoverageAttribute.FD_DENIED, 5);
    v.put(CoverageAttribute.FD_LIMIT_DENIED, 6);
    v.put(CoverageAttribute.AS_DENIED, -1);
    v.put(CoverageAttribute.ARGS_TRUNCATED, 7);
    v.put(CoverageAttribute.GONE_PROCESSES, 8);
    v.put(CoverageAttribute.CORRUPT_ENTRIES, 9);
    v.put(CoverageAttribute.SNAPSHOT_TIME_MILLIS, 1_800_000_000_000L);
    return Reading.of(CoverageAttribute.class, v, "test");
  }

  static Reading<SystemAttribute> system() {
    return Reading.of(SystemAttribute.class, systemValues(), "test");
  }

  private static String print(Consumer<PrintStream> view) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    view.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String pinned(String name) throws Exception {
    try (InputStream in = InfoViewTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The files were written by the view before it read plain readings (it read the MXBean interfaces
   * then, over mocks with these values): its text and JSON stay byte for byte the same.
   */
  @Test
  void textAndJsonAreTheSameBytesAsBeforeTheReadings() throws Exception {
    assertThat(print(out -> InfoView.text(out, system(), null))).isEqualTo(pinned("info-text.txt"));
    assertThat(print(out -> InfoView.text(out, system(), coverage())))
        .isEqualTo(pinned("info-text-cov.txt"));
    assertThat(print(out -> InfoView.json(out, system(), null))).isEqualTo(pinned("info-json.txt"));
    assertThat(print(out -> InfoView.json(out, system(), coverage())))
        .isEqualTo(pinned("info-json-cov.txt"));
  }

  @Test
  void aHostileServersTextIsEscapedInTheInfoLines() {
    // a remote agent (or a host) may answer anything: OSC, 8-bit CSI/OSC, bidi override
    Map<SystemAttribute, Object> v = systemValues();
    v.put(SystemAttribute.HOSTNAME, "\u001b]0;PWN\u0007host");
    v.put(SystemAttribute.OS_NAME, "\u009b2J\u009d0;x");
    v.put(SystemAttribute.CPU_MODEL, "bidi\u202Egnp.exe");
    v.put(SystemAttribute.PLATFORM, Map.of("k\u0007", "v\u202E"));
    Reading<SystemAttribute> info = Reading.of(SystemAttribute.class, v, "test");
    String out = print(o -> InfoView.text(o, info, null));
    assertThat(out.replace("\n", "").chars().filter(c -> Printable.isUnsafe((char) c))).isEmpty();
    assertThat(out)
        .contains("\\u001b]0;PWN\\u0007host")
        .contains("\\u009b2J\\u009d0;x")
        .contains("bidi\\u202egnp.exe")
        .containsPattern("Platform\\.k\\\\u0007 +v\\\\u202e");
  }

  @Test
  void aValueTheReadingLacksIsAClearErrorAndNothingIsWritten() {
    Map<SystemAttribute, Object> v = systemValues();
    v.remove(SystemAttribute.CPU_SOURCE);
    Reading<SystemAttribute> older =
        Reading.of(SystemAttribute.class, v, "jmx old:9010 psinfo:type=SystemInfo");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThatThrownBy(() -> InfoView.text(new PrintStream(bytes, true), older, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "jmx old:9010 psinfo:type=SystemInfo has no attribute CpuSource: that agent is older");
    assertThatThrownBy(() -> InfoView.json(new PrintStream(bytes, true), older, null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(bytes.size()).isZero();
  }

  @Test
  void theCpuUseSaysWhatItIsMeasuredOver() {
    Map<SystemAttribute, Object> v = systemValues();
    v.put(SystemAttribute.CPU_INTERVAL_MILLIS, 93_783_000L);
    assertThat(InfoView.cpuOver(Reading.of(SystemAttribute.class, v, "t"))).isEqualTo("since boot");
    v.put(SystemAttribute.CPU_INTERVAL_MILLIS, -1L);
    assertThat(InfoView.cpuOver(Reading.of(SystemAttribute.class, v, "t")))
        .isEqualTo("over an unknown interval");
    assertThat(InfoView.cpuOver(system())).isEqualTo("over the last 2.0 s");
  }
}
