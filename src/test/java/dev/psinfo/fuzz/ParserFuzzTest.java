package dev.psinfo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.probe.CorruptRecordException;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.aix.AixRecord;
import dev.psinfo.probe.aix.Lwpsinfo;
import dev.psinfo.probe.aix.Psinfo;
import dev.psinfo.probe.aix.PsinfoBytes;
import dev.psinfo.probe.aix.Pstatus;
import dev.psinfo.probe.aix.PstatusBytes;
import dev.psinfo.probe.linux.LinuxIo;
import dev.psinfo.probe.linux.LinuxProcParsers;
import dev.psinfo.probe.linux.LinuxStat;
import dev.psinfo.probe.linux.LinuxStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated input for every parser of hostile bytes. The contract under test: a parser
 * returns a valid record (one the walker can turn into a row without an exception) or throws {@link
 * CorruptRecordException}; nothing else, whatever the bytes. Cases per property: {@code
 * -Dpsinfo.fuzz.cases} (see {@link Property}).
 */
class ParserFuzzTest {
  private static final Path TESTDATA = Path.of(System.getProperty("psinfo.testdata", "testdata"));

  private static final List<byte[]> AIX_PSINFO = samples("aix/proc", "psinfo");
  private static final List<byte[]> AIX_STATUS = samples("aix/proc", "status");
  private static final List<byte[]> AIX_LWPSINFO = samples("aix/proc", "lwpsinfo");
  private static final List<byte[]> LINUX_STAT = samples("linux", "stat");
  private static final List<byte[]> LINUX_STATUS = samples("linux", "status");
  private static final List<byte[]> LINUX_IO = samples("linux", "io");
  private static final List<byte[]> LINUX_CMDLINE = samples("linux", "cmdline");

  // ---------------------------------------------------------------- AIX

  @Test
  void psinfoIsARecordOrCorrupt() {
    Property.forAll(
        "psinfo",
        r -> {
          byte[] valid = r.nextInt(4) == 0 ? pick(r, AIX_PSINFO) : randomPsinfo(r).toBytes();
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.bytes(r, valid);
          ByteBuffer buf = asBuffer(r, input);
          int position = buf.position();
          int limit = buf.limit();
          ByteOrder order = buf.order();
          try {
            Psinfo p = AixRecord.PSINFO.parse(buf);
            ProcessInfo row = p.toProcessInfo("user");
            assertThat(row.pid()).isEqualTo(p.pid());
            assertThat(row.args()).doesNotContain("\0");
            AixRecord.PSINFO_LWP.parse(buf);
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("psinfo");
            assertThat(e.getMessage()).isNotBlank();
          }
          assertThat(buf.position()).isEqualTo(position);
          assertThat(buf.limit()).isEqualTo(limit);
          assertThat(buf.order()).isEqualTo(order);
        });
  }

  @Test
  void psinfoWithStatusIsARowOrCorrupt() {
    Property.forAll(
        "psinfo+status",
        r -> {
          long pid = r.nextLong(0, 1L << 31);
          byte[] p = Mutate.bytes(r, randomPsinfo(r).pid(pid).toBytes());
          byte[] s = Mutate.bytes(r, randomPstatus(r).pid(pid).toBytes());
          Psinfo psinfo;
          Pstatus status;
          try {
            psinfo = AixRecord.PSINFO.parse(ByteBuffer.wrap(p));
            status = AixRecord.STATUS.parse(ByteBuffer.wrap(s));
          } catch (CorruptRecordException e) {
            return;
          }
          if (status.pid() == psinfo.pid()) {
            ProcessInfo row = psinfo.toProcessInfo(status, "user");
            assertThat(row.userTimeMillis()).isGreaterThanOrEqualTo(0);
          }
        });
  }

  @Test
  void pstatusIsARecordOrCorrupt() {
    Property.forAll(
        "pstatus",
        r -> {
          byte[] valid = r.nextInt(4) == 0 ? pick(r, AIX_STATUS) : randomPstatus(r).toBytes();
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.bytes(r, valid);
          try {
            Pstatus s = AixRecord.STATUS.parse(asBuffer(r, input));
            assertThat(s.userTimeMillis()).isGreaterThanOrEqualTo(0);
            assertThat(s.systemTimeMillis()).isGreaterThanOrEqualTo(0);
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("status");
          }
        });
  }

  @Test
  void lwpsinfoIsARecordOrCorrupt() {
    Property.forAll(
        "lwpsinfo",
        r -> {
          byte[] valid =
              r.nextInt(4) == 0 ? pick(r, AIX_LWPSINFO) : randomPsinfo(r).lwpsinfoBytes();
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.bytes(r, valid);
          try {
            Lwpsinfo l = AixRecord.LWPSINFO.parse(asBuffer(r, input));
            assertThat(l.state()).isNotNull();
            assertThat(l.stateCode()).isNotNull();
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("lwpsinfo");
          }
        });
  }

  @Test
  void everyTruncationOfAnAixRecordIsCorruptNeverZeroFilled() throws Exception {
    List<byte[]> records = new ArrayList<>(AIX_PSINFO);
    records.add(PsinfoBytes.process(42).toBytes());
    for (byte[] record : records) {
      for (int n = 0; n < record.length; n++) {
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(record, n));
        assertCorrupt(() -> AixRecord.PSINFO.parse(b), "psinfo", n);
      }
      assertThat(AixRecord.PSINFO.parse(ByteBuffer.wrap(record))).isNotNull();
    }
    List<byte[]> statuses = new ArrayList<>(AIX_STATUS);
    statuses.add(PstatusBytes.process(42).toBytes());
    for (byte[] record : statuses) {
      for (int n = 0; n < record.length; n++) {
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(record, n));
        assertCorrupt(() -> AixRecord.STATUS.parse(b), "status", n);
      }
      assertThat(AixRecord.STATUS.parse(ByteBuffer.wrap(record))).isNotNull();
    }
    for (byte[] record : AIX_LWPSINFO) {
      for (int n = 0; n < record.length; n++) {
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(record, n));
        assertCorrupt(() -> AixRecord.LWPSINFO.parse(b), "lwpsinfo", n);
      }
      assertThat(AixRecord.LWPSINFO.parse(ByteBuffer.wrap(record))).isNotNull();
    }
  }

  @Test
  void aValidPsinfoOfRandomInRangeFieldsRoundTrips() {
    Property.forAll(
        "psinfo round trip",
        r -> {
          long pid = r.nextLong(0, 1L << 31);
          long uid = r.nextLong(0, 1L << 32);
          long rssKb = r.nextLong(0, Long.MAX_VALUE / 1024);
          long startSec = r.nextLong(0, Long.MAX_VALUE / 1000 - 1);
          int nsec = r.nextInt(1_000_000_000);
          String args = randomAscii(r, r.nextInt(80));
          Psinfo p =
              AixRecord.PSINFO.parse(
                  PsinfoBytes.process(pid)
                      .euid(uid)
                      .rssizeKb(rssKb)
                      .start(startSec, nsec)
                      .psargs(args)
                      .toBuffer());
          assertThat(p.pid()).isEqualTo(pid);
          assertThat(p.euid()).isEqualTo(uid);
          assertThat(p.rssBytes()).isEqualTo(rssKb * 1024);
          assertThat(p.startTimeMillis()).isEqualTo(startSec * 1000 + nsec / 1_000_000);
          assertThat(p.psargs()).isEqualTo(args.length() > 79 ? args.substring(0, 80) : args);
        });
  }

  // ---------------------------------------------------------------- Linux

  @Test
  void statIsARecordOrCorrupt() {
    Property.forAll(
        "linux stat",
        r -> {
          byte[] valid = r.nextInt(3) == 0 ? pick(r, LINUX_STAT) : randomStat(r, false);
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.text(r, valid);
          byte[] padded = pad(r, input);
          try {
            LinuxStat s = LinuxProcParsers.parseStat(padded, input.length);
            assertThat(s.pid()).isNotNegative();
            assertThat(s.nice()).isBetween(-20, 19);
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("stat");
            assertThat(e.byteCount()).isEqualTo(input.length);
          }
        });
  }

  @Test
  void aStatOfWildValuesIsARecordOrCorrupt() {
    Property.forAll(
        "linux stat wild values",
        r -> {
          byte[] input = randomStat(r, true);
          try {
            LinuxProcParsers.parseStat(input, input.length);
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("stat");
          }
        });
  }

  @Test
  void aStatOfInRangeValuesRoundTrips() {
    Property.forAll(
        "linux stat round trip",
        r -> {
          long pid = r.nextLong(0, 1L << 22);
          long utime = r.nextLong(0, Long.MAX_VALUE);
          int nice = r.nextInt(-20, 20);
          String name = randomAscii(r, r.nextInt(16)).replace('\n', '_');
          String line =
              pid
                  + " ("
                  + name
                  + ") R 1 2 3 0 -1 4194560 0 0 0 0 "
                  + utime
                  + " 7 0 0 20 "
                  + nice
                  + " 4 0 100 5255168 1004 18446744073709551615 1 2 3\n";
          byte[] b = line.getBytes(StandardCharsets.UTF_8);
          LinuxStat s = LinuxProcParsers.parseStat(b, b.length);
          assertThat(s.pid()).isEqualTo(pid);
          assertThat(s.name()).isEqualTo(name);
          assertThat(s.userTicks()).isEqualTo(utime);
          assertThat(s.nice()).isEqualTo(nice);
          assertThat(s.threads()).isEqualTo(4);
        });
  }

  @Test
  void statusIsARecordOrCorrupt() {
    Property.forAll(
        "linux status",
        r -> {
          byte[] valid = r.nextInt(3) == 0 ? pick(r, LINUX_STATUS) : randomStatus(r);
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.text(r, valid);
          try {
            LinuxStatus s = LinuxProcParsers.parseStatus(pad(r, input), input.length);
            assertThat(s.uid()).isBetween(0L, 0xffff_ffffL);
            assertThat(s.euid()).isBetween(0L, 0xffff_ffffL);
            assertThat(s.gid()).isBetween(0L, 0xffff_ffffL);
            assertThat(s.egid()).isBetween(0L, 0xffff_ffffL);
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("status");
          }
        });
  }

  @Test
  void ioIsARecordOrCorrupt() {
    Property.forAll(
        "linux io",
        r -> {
          byte[] valid = r.nextInt(3) == 0 ? pick(r, LINUX_IO) : randomIo(r);
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.text(r, valid);
          try {
            LinuxIo io = LinuxProcParsers.parseIo(pad(r, input), input.length);
            assertThat(io.readBytes()).isNotNegative();
            assertThat(io.writeBytes()).isNotNegative();
          } catch (CorruptRecordException e) {
            assertThat(e.what()).isEqualTo("io");
          }
        });
  }

  @Test
  void cmdlineIsAlwaysAString() {
    Property.forAll(
        "linux cmdline",
        r -> {
          byte[] valid =
              r.nextInt(3) == 0
                  ? pick(r, LINUX_CMDLINE)
                  : String.join("\0", randomAscii(r, 5), randomAscii(r, 30), "")
                      .getBytes(StandardCharsets.UTF_8);
          byte[] input = r.nextInt(8) == 0 ? valid : Mutate.text(r, valid);
          byte[] padded = pad(r, input);
          String name = randomAscii(r, r.nextInt(16));
          String args = LinuxProcParsers.parseCmdline(padded, input.length, name);
          assertThat(args).doesNotContain("\0");
          int trailingNuls = 0;
          while (trailingNuls < input.length && input[input.length - 1 - trailingNuls] == 0) {
            trailingNuls++;
          }
          if (trailingNuls == input.length) {
            assertThat(args).isEqualTo("[" + name + "]");
          }
        });
  }

  @Test
  void everyTruncationOfALinuxFileIsARecordOrCorrupt() throws Exception {
    for (byte[] file : LINUX_STAT) {
      for (int n = 0; n <= file.length; n++) {
        try {
          LinuxProcParsers.parseStat(file, n);
        } catch (CorruptRecordException e) {
          assertThat(e.byteCount()).isEqualTo(n);
        }
      }
    }
    for (byte[] file : LINUX_STATUS) {
      for (int n = 0; n <= file.length; n++) {
        try {
          LinuxProcParsers.parseStatus(file, n);
        } catch (CorruptRecordException e) {
          assertThat(e.byteCount()).isEqualTo(n);
        }
      }
    }
    for (byte[] file : LINUX_IO) {
      for (int n = 0; n <= file.length; n++) {
        try {
          LinuxProcParsers.parseIo(file, n);
        } catch (CorruptRecordException e) {
          assertThat(e.byteCount()).isEqualTo(n);
        }
      }
    }
    for (byte[] file : LINUX_CMDLINE) {
      for (int n = 0; n <= Math.min(file.length, 4096); n++) {
        assertThat(LinuxProcParsers.parseCmdline(file.clone(), n, "x")).isNotNull();
      }
    }
  }

  // ---------------------------------------------------------------- generators

  /** A psinfo record whose fields are anything: in range, at an edge, negative, huge. */
  static PsinfoBytes randomPsinfo(SplittableRandom r) {
    PsinfoBytes p = PsinfoBytes.process(anyId(r, 1L << 31));
    if (r.nextBoolean()) {
      return p.fname(randomAscii(r, r.nextInt(17))).psargs(randomAscii(r, r.nextInt(81)));
    }
    p.nlwp(r.nextInt(8) == 0 ? Mutate.EDGE_INTS[r.nextInt(Mutate.EDGE_INTS.length)] : 1)
        .uid(anyId(r, 1L << 32))
        .euid(anyId(r, 1L << 32))
        .gid(anyId(r, 1L << 32))
        .egid(anyId(r, 1L << 32))
        .ppid(anyId(r, 1L << 31))
        .pgid(anyId(r, 1L << 31))
        .sid(anyId(r, 1L << 31))
        .sizeKb(anyLong(r))
        .rssizeKb(anyLong(r))
        .start(anyLong(r), anyNanos(r))
        .time(anyLong(r), anyNanos(r))
        .cid(r.nextInt(1 << 16))
        .argc(r.nextInt(8) == 0 ? -1 : r.nextInt(100))
        .fnameBytes(Mutate.randomBytes(r, r.nextInt(17)))
        .psargsBytes(Mutate.randomBytes(r, r.nextInt(81)))
        .lwpid(anyId(r, 1L << 40))
        .sname((char) r.nextInt(256))
        .nice(r.nextInt(256))
        .pri(r.nextInt())
        .ptid(r.nextLong(0, 1L << 32));
    if (r.nextInt(4) == 0) {
      p.zombie();
    }
    return p;
  }

  static PstatusBytes randomPstatus(SplittableRandom r) {
    return PstatusBytes.process(anyId(r, 1L << 31))
        .ppid(anyId(r, 1L << 31))
        .nlwp(r.nextInt(8) == 0 ? -1 : r.nextInt(100))
        .utime(anyLong(r), anyNanos(r))
        .stime(anyLong(r), anyNanos(r))
        .cutime(anyLong(r), anyNanos(r))
        .cstime(anyLong(r), anyNanos(r));
  }

  /**
   * A stat line; {@code wild} puts any number (negative, huge, beyond 64 bits) in any field and any
   * bytes in the name.
   */
  static byte[] randomStat(SplittableRandom r, boolean wild) {
    StringBuilder b = new StringBuilder();
    b.append(wild ? anyNumber(r) : Long.toString(r.nextLong(1, 1L << 22))).append(" (");
    String name = wild ? randomAscii(r, r.nextInt(20)) + ")(" : randomAscii(r, r.nextInt(16));
    b.append(name).append(") ").append((char) ('A' + r.nextInt(26))).append(' ');
    int fields = wild ? 20 + r.nextInt(40) : 49;
    for (int f = 4; f < 4 + fields; f++) {
      b.append(wild || r.nextInt(10) == 0 ? anyNumber(r) : Long.toString(r.nextLong(0, 100_000)));
      b.append(f == 3 + fields ? "\n" : " ");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomStatus(SplittableRandom r) {
    String s =
        "Name:\t"
            + randomAscii(r, 10)
            + "\nState:\tS (sleeping)\nPid:\t"
            + anyNumber(r)
            + "\nUid:\t"
            + idText(r)
            + "\t"
            + idText(r)
            + "\t"
            + idText(r)
            + "\t"
            + idText(r)
            + "\nGid:\t"
            + idText(r)
            + "\t"
            + idText(r)
            + "\t0\t0\nThreads:\t"
            + (r.nextBoolean() ? "1" : anyNumber(r))
            + "\nvoluntary_ctxt_switches:\t"
            + (r.nextBoolean() ? "12" : anyNumber(r))
            + "\nnonvoluntary_ctxt_switches:\t"
            + (r.nextBoolean() ? "3" : anyNumber(r))
            + "\n";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomIo(SplittableRandom r) {
    String s =
        "rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: "
            + (r.nextBoolean() ? Long.toString(r.nextLong(0, Long.MAX_VALUE)) : anyNumber(r))
            + "\nwrite_bytes: "
            + (r.nextBoolean() ? Long.toString(r.nextLong(0, Long.MAX_VALUE)) : anyNumber(r))
            + "\ncancelled_write_bytes: 0\n";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String idText(SplittableRandom r) {
    return r.nextBoolean() ? Long.toString(r.nextLong(0, 1L << 32)) : anyNumber(r);
  }

  private static String anyNumber(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0:
        return Long.toString(Mutate.EDGE_LONGS[r.nextInt(Mutate.EDGE_LONGS.length)]);
      case 1:
        return Long.toUnsignedString(r.nextLong());
      case 2:
        return "-" + r.nextLong(0, Long.MAX_VALUE);
      case 3:
        return Mutate.TEXT_TOKENS[r.nextInt(Mutate.TEXT_TOKENS.length)];
      default:
        return Long.toString(r.nextLong());
    }
  }

  private static long anyId(SplittableRandom r, long bound) {
    return r.nextInt(6) == 0
        ? Mutate.EDGE_LONGS[r.nextInt(Mutate.EDGE_LONGS.length)]
        : r.nextLong(0, bound);
  }

  private static long anyLong(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0:
        return Mutate.EDGE_LONGS[r.nextInt(Mutate.EDGE_LONGS.length)];
      case 1:
        return r.nextLong();
      default:
        return r.nextLong(0, 10_000_000_000L);
    }
  }

  private static int anyNanos(SplittableRandom r) {
    return r.nextInt(6) == 0
        ? Mutate.EDGE_INTS[r.nextInt(Mutate.EDGE_INTS.length)]
        : r.nextInt(1_000_000_000);
  }

  static String randomAscii(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) r.nextInt(0x20, 0x7f));
    }
    return b.toString();
  }

  /** {@code input} in a heap, direct, offset or little-endian buffer. */
  private static ByteBuffer asBuffer(SplittableRandom r, byte[] input) {
    switch (r.nextInt(4)) {
      case 0:
        {
          ByteBuffer d = ByteBuffer.allocateDirect(input.length);
          d.put(input).flip();
          return d;
        }
      case 1:
        {
          int offset = 1 + r.nextInt(16);
          byte[] bigger = new byte[input.length + offset + 8];
          System.arraycopy(input, 0, bigger, offset, input.length);
          return ByteBuffer.wrap(bigger, offset, input.length).slice();
        }
      case 2:
        return ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
      default:
        return ByteBuffer.wrap(input);
    }
  }

  /** {@code input} followed by junk, as in the walker's reused buffer. */
  private static byte[] pad(SplittableRandom r, byte[] input) {
    if (r.nextBoolean()) {
      return input;
    }
    byte[] out = Arrays.copyOf(input, input.length + 1 + r.nextInt(64));
    for (int i = input.length; i < out.length; i++) {
      out[i] = (byte) r.nextInt(256);
    }
    return out;
  }

  private static byte[] pick(SplittableRandom r, List<byte[]> from) {
    return from.get(r.nextInt(from.size()));
  }

  @FunctionalInterface
  private interface Parse {
    Object parse() throws CorruptRecordException;
  }

  private static void assertCorrupt(Parse parse, String what, int length) {
    try {
      Object record = parse.parse();
      throw new AssertionError(
          what + " of " + length + " bytes was decoded instead of rejected: " + record);
    } catch (CorruptRecordException e) {
      assertThat(e.what()).isEqualTo(what);
      assertThat(e.byteCount()).isEqualTo(length);
    }
  }

  /** Every file named {@code name} under {@code testdata/<dir>}. */
  private static List<byte[]> samples(String dir, String name) {
    try (Stream<Path> files = Files.walk(TESTDATA.resolve(dir))) {
      List<byte[]> out = new ArrayList<>();
      for (Path f : files.filter(f -> f.getFileName().toString().equals(name)).sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no " + name + " under " + TESTDATA.resolve(dir));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
