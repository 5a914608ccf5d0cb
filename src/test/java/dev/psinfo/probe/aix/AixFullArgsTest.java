package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.aix.AixProcessProbe.FullArgs;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole command lines from {@code /proc/<pid>/as}. 32-bit processes get a real sparse {@code as}
 * file (their addresses stay below 4 GB); 64-bit ones are served from memory through {@link
 * AddressSpace}, since their addresses exceed any file a test can create.
 */
class AixFullArgsTest {
  /** A Java command line far longer than the 79 characters psargs keeps. */
  static final List<String> JAVA =
      List.of(
          "/usr/java8_64/bin/java",
          "-Xms512m",
          "-Xmx2g",
          "-Dcom.example.instance=orders-eu-1",
          "-classpath",
          "/opt/app/lib/app.jar:/opt/app/lib/dep-1.jar:/opt/app/lib/dep-2.jar",
          "com.example.orders.Main",
          "--port=8443");

  static final String JAVA_LINE = String.join(" ", JAVA);
  static final String JAVA_PSARGS = JAVA_LINE.substring(0, 79);

  // typical AIX addresses: 32-bit stack below 0x2ff23000, 64-bit stack near 0x0fffffffffffffff
  static final long ARGV32 = 0x2ff22f80L;
  static final long ARRAY32 = 0x2ff22fa0L;
  static final long STRINGS32 = 0x2ff23100L;
  static final long ARGV64 = 0x0ffffffffffff9a0L;
  static final long ARRAY64 = 0x0ffffffffffffa00L;
  static final long STRINGS64 = 0x0ffffffffffe0000L;

  @TempDir Path tmp;
  Path proc;
  UserNames users;
  Map<Path, ArgvImage> served = new HashMap<>();
  List<Path> opened = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    proc = Files.createDirectory(tmp.resolve("proc"));
    Path passwd = tmp.resolve("passwd");
    Files.writeString(
        passwd, "root:x:0:0:root:/:/bin/ksh\nalice:x:1000:1000::/home/alice:/bin/ksh\n");
    users = new UserNames(passwd);
  }

  /** A probe whose {@code as} files come from {@link #served} first, else from the tree. */
  AixProcessProbe probe(boolean fullArgs) {
    return new AixProcessProbe(
        proc,
        users,
        file -> FileChannel.open(file, StandardOpenOption.READ),
        file -> {
          opened.add(file);
          ArgvImage image = served.get(file);
          return image != null
              ? image.serve()
              : AddressSpace.ofFile(file, dev.psinfo.io.FileRule.TREE);
        },
        fullArgs);
  }

  void writeProcess(long pid, long uid, int dmodel, int argc, long argv, String psargs)
      throws IOException {
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(pid).uid(uid).euid(uid).argc(argc).argv(argv).psargs(psargs),
        PstatusBytes.process(pid).dmodel(dmodel));
  }

  ProcessInfo only(ProcessScan scan) {
    assertThat(scan.processes()).hasSize(1);
    return scan.processes().get(0);
  }

  static Map<FullArgs, Long> counts(FullArgs outcome, long n) {
    Map<FullArgs, Long> m = new HashMap<>();
    for (FullArgs f : FullArgs.values()) {
      m.put(f, f == outcome ? n : 0L);
    }
    return m;
  }

  @Test
  void thirtyTwoBitProcessFromARealSparseAsFile() throws Exception {
    writeProcess(100, 0, PstatusLayout.DMODEL_32, JAVA.size(), ARGV32, JAVA_PSARGS);
    Path as =
        FakeAixProc.writeAddressSpace(
            proc, 100, ArgvImage.of(ARGV32, ARRAY32, STRINGS32, 4, JAVA).regions());
    assertThat(Files.size(as)).isGreaterThan(ARGV32); // the offsets are the addresses

    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(JAVA_LINE);
    assertThat(p.argsTruncated()).isFalse();
    assertThat(p.javaMain()).isEqualTo("com.example.orders.Main");
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.READ, 1));
  }

  @Test
  void theFullArgvKeepsArgumentBoundariesForJavaMain() throws Exception {
    // zkServer.sh passes -XX:OnOutOfMemoryError='kill -9 %p': one argument holding spaces
    List<String> zk =
        List.of(
            "/usr/java17_64/bin/java",
            "-XX:OnOutOfMemoryError=kill -9 %p",
            "-cp",
            "/opt/zookeeper/lib/zookeeper-3.9.2.jar:/opt/zookeeper/conf",
            "org.apache.zookeeper.server.quorum.QuorumPeerMain",
            "/opt/zookeeper/conf/zoo.cfg");
    String line = String.join(" ", zk);
    writeProcess(210, 0, PstatusLayout.DMODEL_64, zk.size(), ARGV64, line.substring(0, 79));
    served.put(proc.resolve("210/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, zk));
    ProcessInfo p = only(probe(true).scan());
    assertThat(p.args()).isEqualTo(line);
    assertThat(p.javaMain()).isEqualTo("org.apache.zookeeper.server.quorum.QuorumPeerMain");
  }

  @Test
  void psargsGiveJavaMainOnlyWhenItIsWholeInTheirEightyBytes() throws Exception {
    writeProcess(
        220, 0, PstatusLayout.DMODEL_64, 4, ARGV64, "java -cp /opt/a.jar org.h2.tools.Server");
    // 80 bytes, the class name last: it may be cut, so it is not given
    String cut = "java -Xmx2g -cp /opt/app/lib/app.jar:/opt/app/lib/dep-1.jar:/opt/app/lib/d x.Mai";
    writeProcess(230, 0, PstatusLayout.DMODEL_64, 5, ARGV64, cut.substring(0, 80));
    Map<Long, String> mains = new HashMap<>();
    probe(false).scan().processes().forEach(p -> mains.put(p.pid(), p.javaMain()));
    assertThat(mains)
        .containsExactlyInAnyOrderEntriesOf(Map.of(220L, "org.h2.tools.Server", 230L, ""));
  }

  @Test
  void sixtyFourBitProcessThroughTheChannel() throws Exception {
    writeProcess(200, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("200/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));

    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(JAVA_LINE);
    assertThat(p.argsTruncated()).isFalse();
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.READ, 1));
  }

  @Test
  void theDataModelDecidesThePointerWidth() throws Exception {
    // a 32-bit layout read as 64-bit pointers leads nowhere: psargs stays
    writeProcess(300, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV32, JAVA_PSARGS);
    served.put(proc.resolve("300/as"), ArgvImage.of(ARGV32, ARRAY32, STRINGS32, 4, JAVA));
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(JAVA_PSARGS);
    assertThat(p.argsTruncated()).isTrue();
    assertThat(probe.fullArgsCounts().get(FullArgs.READ)).isZero();
  }

  @Test
  void psargsThatAreWholeCostNoRead() throws Exception {
    writeProcess(400, 0, PstatusLayout.DMODEL_64, 2, ARGV64, "/usr/sbin/cron -n");
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo("/usr/sbin/cron -n");
    assertThat(p.argsTruncated()).isFalse();
    assertThat(opened).isEmpty();
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.READ, 0));
  }

  @Test
  void offReadsNothing() throws Exception {
    writeProcess(500, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("500/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));
    AixProcessProbe probe = probe(false);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(JAVA_PSARGS);
    assertThat(p.argsTruncated()).isTrue();
    assertThat(p.javaMain()).as("psargs end inside the class path").isEmpty();
    assertThat(opened).isEmpty();
    assertThat(probe.fullArgs()).isFalse();
  }

  @Test
  void deniedAsFallsBackAndIsRememberedPerOwner() throws Exception {
    writeProcess(600, 1000, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    writeProcess(601, 1000, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    writeProcess(602, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("602/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));
    AixProcessProbe probe =
        new AixProcessProbe(
            proc,
            users,
            file -> FileChannel.open(file, StandardOpenOption.READ),
            file -> {
              opened.add(file);
              ArgvImage image = served.get(file);
              if (image == null) {
                throw new AccessDeniedException(file.toString());
              }
              return image.serve();
            },
            true);
    ProcessScan scan = probe.scan();
    assertThat(scan.processes())
        .extracting(ProcessInfo::args)
        .containsExactly(JAVA_PSARGS, JAVA_PSARGS, JAVA_LINE);
    assertThat(scan.processes())
        .extracting(ProcessInfo::argsTruncated)
        .containsExactly(true, true, false);
    // alice's second process was not tried: her first as was denied a moment ago
    assertThat(opened).containsExactly(proc.resolve("600/as"), proc.resolve("602/as"));
    assertThat(probe.fullArgsCounts().get(FullArgs.DENIED)).isEqualTo(2);
    assertThat(probe.fullArgsCounts().get(FullArgs.READ)).isEqualTo(1);
    assertThat(scan.stats().denied()).isZero(); // the rows are whole but for the args
  }

  @Test
  void unreadableStatusMeansNoDataModel() throws Exception {
    FakeAixProc.writeProcess(
        proc, PsinfoBytes.process(700).argc(JAVA.size()).argv(ARGV64).psargs(JAVA_PSARGS));
    FakeAixProc.writeFile(proc, 700, "status", new byte[10]); // corrupt
    AixProcessProbe probe = probe(true);
    assertThat(only(probe.scan()).args()).isEqualTo(JAVA_PSARGS);
    assertThat(opened).isEmpty();
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.NO_DATA_MODEL, 1));
  }

  @Test
  void missingAsCountsAsGone() throws Exception {
    writeProcess(800, 0, PstatusLayout.DMODEL_32, JAVA.size(), ARGV32, JAVA_PSARGS);
    AixProcessProbe probe = probe(true);
    assertThat(only(probe.scan()).args()).isEqualTo(JAVA_PSARGS);
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.GONE, 1));
  }

  @Test
  void garbagePointers() throws Exception {
    // pr_argv NULL, misaligned, negative; argv array pointer above 4 GB in a 32-bit process
    writeProcess(900, 0, PstatusLayout.DMODEL_64, JAVA.size(), 0, JAVA_PSARGS);
    writeProcess(901, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64 + 3, JAVA_PSARGS);
    writeProcess(902, 0, PstatusLayout.DMODEL_64, JAVA.size(), 0x8000000000000000L, JAVA_PSARGS);
    writeProcess(903, 0, PstatusLayout.DMODEL_32, JAVA.size(), ARGV32, JAVA_PSARGS);
    served.put(
        proc.resolve("903/as"), new ArgvImage().put(ARGV32, ArgvImage.pointer(0xfffffff0L, 4)));
    // a first argument pointing at a negative address in a 64-bit process
    writeProcess(904, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    served.put(
        proc.resolve("904/as"),
        new ArgvImage()
            .put(ARGV64, ArgvImage.pointer(ARRAY64, 8))
            .put(ARRAY64, ArgvImage.pointer(-4096L, 8)));
    AixProcessProbe probe = probe(true);
    ProcessScan scan = probe.scan();
    assertThat(scan.processes()).extracting(ProcessInfo::args).containsOnly(JAVA_PSARGS);
    assertThat(scan.processes()).extracting(ProcessInfo::argsTruncated).containsOnly(true);
    assertThat(probe.fullArgsCounts().get(FullArgs.BAD_POINTER)).isEqualTo(4);
    // 903: the array pointer 0xfffffff0 is plausible for 32 bits but nothing is mapped there
    assertThat(probe.fullArgsCounts().get(FullArgs.UNMAPPED)).isEqualTo(1);
  }

  @Test
  void pointersIntoOtherMemoryDisagreeWithPsargs() throws Exception {
    writeProcess(1000, 0, PstatusLayout.DMODEL_64, 2, ARGV64, JAVA_PSARGS);
    served.put(
        proc.resolve("1000/as"),
        ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, List.of("LANG=C", "PATH=/usr/bin")));
    AixProcessProbe probe = probe(true);
    assertThat(only(probe.scan()).args()).isEqualTo(JAVA_PSARGS);
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.DISAGREES, 1));
  }

  @Test
  void unmappedAddressesAsEndOfFileOrIoError() throws Exception {
    // the strings were never mapped: past the end, and (second process) an EIO from the system
    ArgvImage noStrings =
        new ArgvImage()
            .put(ARGV64, ArgvImage.pointer(ARRAY64, 8))
            .put(ARRAY64, ArgvImage.pointer(STRINGS64, 8));
    writeProcess(1100, 0, PstatusLayout.DMODEL_64, 1, ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("1100/as"), noStrings);
    writeProcess(1101, 0, PstatusLayout.DMODEL_64, 1, ARGV64, JAVA_PSARGS);
    served.put(
        proc.resolve("1101/as"),
        new ArgvImage()
            .put(ARGV64, ArgvImage.pointer(ARRAY64, 8))
            .put(ARRAY64, ArgvImage.pointer(STRINGS64, 8))
            .unmappedIsIoError());
    AixProcessProbe probe = probe(true);
    assertThat(probe.scan().processes()).extracting(ProcessInfo::args).containsOnly(JAVA_PSARGS);
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.UNMAPPED, 2));
  }

  @Test
  void argcZero() throws Exception {
    writeProcess(1200, 0, PstatusLayout.DMODEL_64, 0, ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("1200/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));
    AixProcessProbe probe = probe(true);
    assertThat(only(probe.scan()).args()).isEqualTo(JAVA_PSARGS);
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.ARGC_ZERO, 1));
  }

  @Test
  void oversizedArgcIsCutAtTheArgumentBound() throws Exception {
    int max = ArgvReader.Limits.DEFAULT.maxArgs();
    List<String> many = new ArrayList<>();
    many.add("/usr/bin/xargs-like");
    many.addAll(Collections.nCopies(max + 500, "a"));
    String psargs = String.join(" ", many).substring(0, 79);
    writeProcess(1300, 0, PstatusLayout.DMODEL_64, many.size(), ARGV64, psargs);
    served.put(proc.resolve("1300/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, many));
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(String.join(" ", many.subList(0, max)));
    assertThat(p.argsTruncated()).isTrue();
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.READ, 1));
  }

  @Test
  void argcLargerThanTheArgvArrayEndsAtItsNull() throws Exception {
    // argc claims a million arguments; the array ends with its NULL after JAVA's eight
    writeProcess(1350, 0, PstatusLayout.DMODEL_64, 1_000_000, ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("1350/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(JAVA_LINE);
    assertThat(p.argsTruncated()).isTrue();
  }

  @Test
  void argvArrayRunningIntoUnmappedMemoryFails() throws Exception {
    // the array is the last thing on its page and argc claims more: the next page is not there
    long array = 0x0ffffffffffffff0L;
    writeProcess(1360, 0, PstatusLayout.DMODEL_64, 5, ARGV64, JAVA_PSARGS);
    served.put(
        proc.resolve("1360/as"), ArgvImage.of(ARGV64, array, STRINGS64, 8, JAVA.subList(0, 2)));
    AixProcessProbe probe = probe(true);
    assertThat(only(probe.scan()).args()).isEqualTo(JAVA_PSARGS);
    assertThat(probe.fullArgsCounts()).isEqualTo(counts(FullArgs.UNMAPPED, 1));
  }

  @Test
  void oversizedStringIsCutAtTheByteBound() throws Exception {
    int max = ArgvReader.Limits.DEFAULT.maxBytes();
    String huge = "-Dx=" + "y".repeat(max * 2);
    List<String> args = List.of("/usr/bin/java", huge, "Main");
    String psargs = String.join(" ", args).substring(0, 79);
    writeProcess(1400, 0, PstatusLayout.DMODEL_32, args.size(), ARGV32, psargs);
    FakeAixProc.writeAddressSpace(
        proc, 1400, ArgvImage.of(ARGV32, ARRAY32, STRINGS32, 4, args).regions());
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).hasSize(max).startsWith("/usr/bin/java -Dx=yyy");
    assertThat(p.argsTruncated()).isTrue();
  }

  @Test
  void aNullPointerBeforeArgcEndsTheLineEarly() throws Exception {
    ArgvImage image = ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA);
    // argv[3] = NULL: the process shortened its argv
    byte[] array = image.regions().get(ARRAY64);
    java.util.Arrays.fill(array, 3 * 8, 4 * 8, (byte) 0);
    image.put(ARRAY64, array);
    writeProcess(1500, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("1500/as"), image);
    AixProcessProbe probe = probe(true);
    ProcessInfo p = only(probe.scan());
    assertThat(p.args()).isEqualTo(String.join(" ", JAVA.subList(0, 3)));
    assertThat(p.argsTruncated()).isTrue();
  }

  @Test
  void zombiesAreNotAsked() throws Exception {
    FakeAixProc.writeProcess(
        proc,
        PsinfoBytes.process(1600).zombie().argc(JAVA.size()).argv(ARGV64).psargs(JAVA_PSARGS),
        PstatusBytes.process(1600));
    AixProcessProbe probe = probe(true);
    probe.scan();
    assertThat(opened).isEmpty();
  }

  @Test
  void eachProcessReadsItsOwnAddressSpace() throws Exception {
    // two 64-bit processes at the same addresses with different argv: no page leaks across
    List<String> other = new ArrayList<>(JAVA);
    other.set(3, "-Dcom.example.instance=orders-us-2");
    writeProcess(1700, 0, PstatusLayout.DMODEL_64, JAVA.size(), ARGV64, JAVA_PSARGS);
    writeProcess(1701, 0, PstatusLayout.DMODEL_64, other.size(), ARGV64, JAVA_PSARGS);
    served.put(proc.resolve("1700/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, JAVA));
    served.put(proc.resolve("1701/as"), ArgvImage.of(ARGV64, ARRAY64, STRINGS64, 8, other));
    AixProcessProbe probe = probe(true);
    assertThat(probe.scan().processes())
        .extracting(ProcessInfo::args)
        .containsExactly(JAVA_LINE, String.join(" ", other));
  }
}
