package dev.psinfo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.CapturePlan;
import dev.psinfo.support.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturedCommandsTest {
  static final Duration T = Duration.ofSeconds(1);
  static final List<String> PRTCONF = List.of("/usr/sbin/prtconf");
  static final List<String> SVMON = List.of("/usr/bin/svmon", "-G", "-O", "unit=KB");

  @TempDir Path tmp;
  final List<List<String>> ranLocally = new ArrayList<>();
  final CommandRunner local =
      (argv, timeout) -> {
        ranLocally.add(argv);
        return CommandRunner.Result.ok("local " + argv.get(0));
      };

  Path capture() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cap"));
    Files.createDirectories(dir.resolve("proc"));
    Files.createDirectories(dir.resolve("commands"));
    Files.writeString(dir.resolve("README.txt"), "psinfo-jmx capture\n\ncreated: x\n");
    Files.write(
        dir.resolve("commands/prtconf.txt"),
        "LPAR Info: 1 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("commands/svmon-G-O-unit_KB.txt"), "Unit: KB\n");
    return dir;
  }

  @Test
  void fileNamesOfCommands() {
    assertThat(CapturePlan.fileNameOf(List.of("uname", "-a"))).isEqualTo("uname-a");
    assertThat(CapturePlan.fileNameOf(List.of("/usr/sbin/lsps", "-s"))).isEqualTo("lsps-s");
    assertThat(CapturePlan.fileNameOf(SVMON)).isEqualTo("svmon-G-O-unit_KB");
  }

  @Test
  void aCaptureAnswersFromItsFilesAndNeverRunsLocally() throws Exception {
    Path cap = capture();
    CapturedCommands c = new CapturedCommands(cap.resolve("proc"), local);
    assertThat(c.run(PRTCONF, T)).isEqualTo(CommandRunner.Result.ok("LPAR Info: 1 caf\u00e9\n"));
    assertThat(c.run(SVMON, T).stdout()).isEqualTo("Unit: KB\n");
    CommandRunner.Result missing = c.run(List.of("/usr/bin/lparstat", "-i"), T);
    assertThat(missing.succeeded()).isFalse();
    assertThat(missing.failure()).isEqualTo("not in the capture: lparstat-i.txt");
    assertThat(c.fromCapture()).isTrue();
    assertThat(ranLocally).isEmpty();
  }

  @Test
  void anyOtherDirectoryRunsTheCommandsHere() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("plain/proc"));
    CapturedCommands c = new CapturedCommands(proc, local);
    assertThat(c.run(PRTCONF, T).stdout()).isEqualTo("local /usr/sbin/prtconf");
    assertThat(c.fromCapture()).isFalse();

    // commands/ without a capture's README, or a README of something else: not a capture
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.createDirectories(other.resolve("proc"));
    Files.createDirectories(other.resolve("commands"));
    assertThat(new CapturedCommands(other.resolve("proc"), local).fromCapture()).isFalse();
    Files.writeString(other.resolve("README.txt"), "some project\n");
    assertThat(new CapturedCommands(other.resolve("proc"), local).fromCapture()).isFalse();
    assertThat(new CapturedCommands(Path.of("/"), local).fromCapture()).isFalse();
  }

  @Test
  void makingOneReadsNothing() throws Exception {
    Path cap = capture();
    CapturedCommands c = new CapturedCommands(cap.resolve("proc"), local);
    Files.delete(cap.resolve("README.txt")); // looked at on the first command, not before
    assertThat(c.fromCapture()).isFalse();
  }
}
