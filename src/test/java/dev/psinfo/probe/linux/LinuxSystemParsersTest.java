package dev.psinfo.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinuxSystemParsersTest {
  static final Path VM =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "linux/system/debian12-epyc-vm");

  static String fixture(String relative) throws Exception {
    return Files.readString(VM.resolve(relative));
  }

  @Test
  void meminfoInBytes() throws Exception {
    Map<String, Long> m = LinuxSystemParsers.parseMeminfoBytes(fixture("proc/meminfo"));
    assertThat(m)
        .containsEntry("MemTotal", 24684084L * 1024)
        .containsEntry("MemFree", 24359036L * 1024)
        .containsEntry("MemAvailable", 24343140L * 1024)
        .containsEntry("SwapTotal", 0L)
        .containsEntry("HugePages_Total", 0L)
        .containsEntry("Hugepagesize", 2048L * 1024);
  }

  @Test
  void meminfoSkipsJunk() {
    assertThat(LinuxSystemParsers.parseMeminfoBytes("garbage\nX: notanumber kB\n: 5\nY: 7\n"))
        .containsOnly(Map.entry("Y", 7L));
  }

  @Test
  void cpuinfoOfTheVm() throws Exception {
    LinuxSystemParsers.CpuInfo cpu = LinuxSystemParsers.parseCpuinfo(fixture("proc/cpuinfo"));
    assertThat(cpu).isEqualTo(new LinuxSystemParsers.CpuInfo("AMD EPYC", 2, 2, 2596));
  }

  @Test
  void cpuinfoCountsCoresNotThreads() {
    StringBuilder sb = new StringBuilder();
    // 2 sockets x 2 cores x 2 threads
    int n = 0;
    for (int socket = 0; socket < 2; socket++) {
      for (int core = 0; core < 2; core++) {
        for (int thread = 0; thread < 2; thread++) {
          sb.append("processor\t: ").append(n++).append('\n');
          sb.append("model name\t: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz\n");
          sb.append("cpu MHz\t\t: 2100.000\n");
          sb.append("physical id\t: ").append(socket).append('\n');
          sb.append("core id\t\t: ").append(core).append("\n\n");
        }
      }
    }
    assertThat(LinuxSystemParsers.parseCpuinfo(sb.toString()))
        .isEqualTo(
            new LinuxSystemParsers.CpuInfo("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", 8, 4, 2100));
  }

  @Test
  void cpuinfoOfPowerAndArmWithoutCoreIds() {
    // layout of arch/powerpc/kernel/setup-common.c show_cpuinfo(): "cpu", "clock" per processor
    String power =
        "processor\t: 0\ncpu\t\t: POWER9 (architected), altivec supported\n"
            + "clock\t\t: 2750.000000MHz\nrevision\t: 2.2 (pvr 004e 1202)\n\n"
            + "processor\t: 1\ncpu\t\t: POWER9 (architected), altivec supported\n"
            + "clock\t\t: 2750.000000MHz\n\ntimebase\t: 512000000\n";
    assertThat(LinuxSystemParsers.parseCpuinfo(power))
        .isEqualTo(
            new LinuxSystemParsers.CpuInfo("POWER9 (architected), altivec supported", 2, -1, 2750));
    assertThat(LinuxSystemParsers.parseCpuinfo(""))
        .isEqualTo(new LinuxSystemParsers.CpuInfo("", -1, -1, -1));
  }

  @Test
  void btimeLoadavgUptime() throws Exception {
    byte[] stat = fixture("proc/stat").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(LinuxKernelFacts.btimeSeconds(stat, stat.length)).isEqualTo(1795674063L);
    assertThat(LinuxSystemParsers.parseLoadavg(fixture("proc/loadavg")))
        .containsExactly(0.61, 0.29, 0.13);
    assertThat(LinuxSystemParsers.parseLoadavg("1.5 x")).containsExactly(1.5, -1, -1);
    assertThat(LinuxSystemParsers.parseUptimeSeconds(fixture("proc/uptime"))).isEqualTo(1887);
    assertThat(LinuxSystemParsers.parseUptimeSeconds("")).isEqualTo(-1);
  }

  @Test
  void osRelease() throws Exception {
    Map<String, String> os = LinuxSystemParsers.parseOsRelease(fixture("etc/os-release"));
    assertThat(os)
        .containsEntry("PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)")
        .containsEntry("VERSION_ID", "12")
        .containsEntry("ID", "debian");
  }

  @Test
  void procSelfCgroup() throws Exception {
    Map<String, String> paths = LinuxSystemParsers.parseProcCgroup(fixture("proc/self/cgroup"));
    assertThat(paths)
        .containsEntry("memory", "/process_api/21e63e4b549ecabc56e87fd97635b4f7")
        .containsEntry("cpu", "/")
        .containsEntry("name=systemd", "/")
        .containsEntry("", "/");
    assertThat(LinuxSystemParsers.parseProcCgroup("4:cpu,cpuacct:/docker/abc\n"))
        .containsOnly(Map.entry("cpu", "/docker/abc"), Map.entry("cpuacct", "/docker/abc"));
  }

  @Test
  void cgroupLimits() throws Exception {
    assertThat(
            LinuxSystemParsers.parseCgroupMemoryLimit(
                fixture("sys/fs/cgroup/memory/memory.limit_in_bytes")))
        .isEqualTo(-1);
    assertThat(LinuxSystemParsers.parseCgroupMemoryLimit("max\n")).isEqualTo(-1);
    assertThat(LinuxSystemParsers.parseCgroupMemoryLimit("536870912\n")).isEqualTo(536870912L);
    assertThat(LinuxSystemParsers.parseCgroupMemoryLimit("")).isEqualTo(-1);
    assertThat(LinuxSystemParsers.parseCpuMax("max 100000\n")).isNull();
    assertThat(LinuxSystemParsers.parseCpuMax("150000 100000\n").cores()).isEqualTo(1.5);
    assertThat(LinuxSystemParsers.parseCpuMax("junk")).isNull();
    assertThat(
            LinuxSystemParsers.parseCfsQuota(
                fixture("sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
                fixture("sys/fs/cgroup/cpu/cpu.cfs_period_us")))
        .isNull();
    assertThat(LinuxSystemParsers.parseCfsQuota("50000\n", "100000\n"))
        .isEqualTo(new LinuxSystemParsers.CpuQuota(50000, 100000));
  }
}
