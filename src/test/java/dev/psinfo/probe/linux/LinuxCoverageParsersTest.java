package dev.psinfo.probe.linux;

import static dev.psinfo.probe.linux.LinuxCoverageParsers.decidePidNamespace;
import static dev.psinfo.probe.linux.LinuxCoverageParsers.parseMountOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.CpuTimes;
import dev.psinfo.probe.linux.LinuxCoverageParsers.PidNamespace;
import dev.psinfo.probe.linux.LinuxCoverageParsers.ProcMount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinuxCoverageParsersTest {
  private static String text(String relative) {
    return new String(Fixtures.bytes(relative), StandardCharsets.ISO_8859_1);
  }

  @Test
  void procMountOfTheBuildMachine() {
    ProcMount m = parseMountOf(text("coverage/mountinfo-host"), "/proc");
    assertThat(m).isEqualTo(new ProcMount("/proc", "proc", 0, false, "rw"));
    assertThat(m.hidesOthers()).isFalse();
    // a path below a mount point belongs to it; "/procfoo" does not belong to "/proc"
    assertThat(parseMountOf(text("coverage/mountinfo-host"), "/proc/self").mountPoint())
        .isEqualTo("/proc");
    assertThat(parseMountOf(text("coverage/mountinfo-host"), "/procfoo").fsType())
        .isEqualTo("ext4");
    assertThat(parseMountOf(text("coverage/mountinfo-host"), "/sys/fs/cgroup/cpu").fsType())
        .isEqualTo("cgroup");
  }

  @Test
  void hidepidMountsAsLinux618WritesThem() {
    String mountinfo = text("coverage/mountinfo-hidepid");
    ProcMount invisible = parseMountOf(mountinfo, "/tmp/cov-proc");
    assertThat(invisible.hidepid()).isEqualTo(2);
    assertThat(invisible.superOptions()).isEqualTo("rw,gid=100,hidepid=invisible");
    assertThat(invisible.hidesOthers()).isTrue();
    // two mounts stacked on a mount point with a space (\040): the top one (last line) counts
    ProcMount top = parseMountOf(mountinfo, "/tmp/cov proc");
    assertThat(top).isEqualTo(new ProcMount("/tmp/cov proc", "proc", 2, true, top.superOptions()));
    assertThat(top.superOptions()).isEqualTo("rw,hidepid=invisible,subset=pid");
  }

  @Test
  void hidepidInEveryForm() {
    // the numeric forms are what kernels before 5.8 write
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,nosuid")).isZero();
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,hidepid=0")).isZero();
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,hidepid=off")).isZero();
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,hidepid=1")).isEqualTo(1);
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,hidepid=noaccess")).isEqualTo(1);
    assertThat(LinuxCoverageParsers.hidepidLevel("rw,gid=10,hidepid=2")).isEqualTo(2);
    assertThat(LinuxCoverageParsers.hidepidLevel("hidepid=ptraceable")).isEqualTo(4);
    assertThat(LinuxCoverageParsers.hidepidLevel("hidepid=4")).isEqualTo(4);
    assertThat(LinuxCoverageParsers.hidepidLevel("hidepid=7")).isEqualTo(-1);
  }

  @Test
  void mountinfoOddities() {
    // not a procfs: no hidepid level; malformed lines skipped; optional fields before "-"
    String text =
        "garbage\n"
            + "1 0 0:1 / / rw shared:1 master:2 - ext4 /dev/sda1 rw,hidepid=2\n"
            + "2 1 0:2 / /proc rw - proc\n";
    ProcMount root = parseMountOf(text, "/proc");
    assertThat(root.fsType()).isEqualTo("ext4");
    assertThat(root.hidepid()).isEqualTo(-1);
    assertThat(parseMountOf("", "/proc")).isNull();
    assertThat(LinuxCoverageParsers.unescape("a\\040b\\134c\\0")).isEqualTo("a b\\c\\0");
  }

  @Test
  void loadavgTasks() {
    assertThat(LinuxCoverageParsers.parseLoadavgTasks(text("coverage/loadavg-host")))
        .containsExactly(7, 258);
    assertThat(LinuxCoverageParsers.parseLoadavgTasks("0.22 0.22 0.09 1/84 3816\n"))
        .containsExactly(1, 84);
    assertThat(LinuxCoverageParsers.parseLoadavgTasks("0.22 0.22 0.09")).containsExactly(-1, -1);
    assertThat(LinuxCoverageParsers.parseLoadavgTasks("0 0 0 5/3 1")).containsExactly(-1, -1);
    assertThat(LinuxCoverageParsers.parseLoadavgTasks("0 0 0 x/3 1")).containsExactly(-1, -1);
  }

  @Test
  void pidNamespaceRules() {
    String initial = "pid:[4026531836]";
    String child = "pid:[4026532301]";
    // pid 1's link decides when readable
    assertThat(decidePidNamespace(initial, child, 2).kind()).isEqualTo("host");
    assertThat(decidePidNamespace(child, child, 1).kind()).isEqualTo("container");
    // the build machine: pid 1 not inspectable, the agent in the initial namespace
    PidNamespace build = decidePidNamespace("", initial, 1);
    assertThat(build.kind()).isEqualTo("host");
    assertThat(build.reason())
        .isEqualTo(
            "the agent's namespace pid:[4026531836] (the proc root's: one NSpid) is the initial one");
    // a container with its own /proc: one NSpid entry, another inode
    assertThat(decidePidNamespace("", child, 1).kind()).isEqualTo("container");
    // the initial namespace cannot be nested below anything
    assertThat(decidePidNamespace("", initial, 0).kind()).isEqualTo("host");
    // the agent nested below the procfs's namespace (a host /proc bind-mounted into a container)
    PidNamespace nested = decidePidNamespace("", child, 2);
    assertThat(nested.kind()).isEqualTo("unknown");
    assertThat(nested.reason()).contains("nested 1 level(s)");
    assertThat(decidePidNamespace("", "", 0).kind()).isEqualTo("unknown");
    assertThat(decidePidNamespace("garbage", "mnt:[4026531840]", 1).kind()).isEqualTo("unknown");
  }

  @Test
  void nspidEntries() {
    assertThat(LinuxCoverageParsers.parseNspidEntries(text("bash/status"))).isEqualTo(1);
    assertThat(LinuxCoverageParsers.parseNspidEntries("Name:\tx\nNSpid:\t4711\t12\t1\n"))
        .isEqualTo(3);
    assertThat(LinuxCoverageParsers.parseNspidEntries("Name:\tx\n")).isZero();
  }

  @Test
  void cpuTimesFromProcStat() {
    // cpu  30698 0 6972 398996 398 0 37 66 0 0
    assertThat(LinuxCoverageParsers.parseCpuTimes(text("proc-stat")))
        .isEqualTo(new CpuTimes(30698, 6972 + 37, 398996, 398, 66));
    // kernels before 2.5.41: four fields, no iowait
    assertThat(LinuxCoverageParsers.parseCpuTimes("cpu  10 2 3 40\n"))
        .isEqualTo(new CpuTimes(12, 3, 40, -1, 0));
    assertThat(LinuxCoverageParsers.parseCpuTimes("cpu0 1 2 3 4\n")).isNull();
    assertThat(LinuxCoverageParsers.parseCpuTimes("cpu  1 2 x 4 5\n")).isNull();
    assertThat(LinuxCoverageParsers.parseCpuTimes("cpu  1 2\n")).isNull();
    assertThat(LinuxCoverageParsers.parseCpuTimes("cpu  9223372036854775807 1 0 0 0\n")).isNull();
  }
}
