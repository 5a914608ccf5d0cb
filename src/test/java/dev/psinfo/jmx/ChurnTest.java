package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.linux.LinuxProcessProbe;
import dev.psinfo.sampling.ArgsScrubber;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import dev.psinfo.support.UserNames;
import dev.psinfo.testing.Progress;
import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real Linux {@code /proc} under churn: hundreds of short-lived processes start and end while
 * 16 threads read the bean through an MBeanServer with a zero ttl (every read wants a scan). No
 * exception reaches a client, scans never overlap, no file descriptor leaks, and old snapshots are
 * not retained.
 */
@EnabledOnOs(OS.LINUX)
class ChurnTest {
  private static final int READERS = 16;
  private static final int READS_PER_THREAD = 60;
  private static final int CHILDREN = 300;

  /** Counts scans in flight, remembers the most at once. */
  static final class CountingProbe implements ProcessProbe {
    final ProcessProbe delegate;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicLong scans = new AtomicLong();

    CountingProbe(ProcessProbe delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public ProcessScan scan() throws IOException {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        scans.incrementAndGet();
        return delegate.scan();
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /**
   * The waits fail when nothing moved for this long; a slow host that keeps going is waited for.
   */
  private static final Duration STALL = Duration.ofSeconds(60);

  @Test
  void sixteenReadersWhileProcessesComeAndGo() throws Exception {
    CountingProbe probe =
        new CountingProbe(
            new LinuxProcessProbe(Path.of("/proc"), new UserNames(Path.of("/etc/passwd"))));
    ProcessSampler sampler =
        new ProcessSampler(
            probe, ProcessFilter.ALL, new ArgsScrubber(List.of()), Duration.ZERO, System::nanoTime);
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ObjectName name = new ObjectName("psinfo:type=ProcessTable");
    server.registerMBean(new ProcessTable(sampler, 0, ExportOrder.CPU), name);
    long me = ProcessHandle.current().pid();

    // warm up (class loading, the reader's buffer, the logger), then count descriptors
    for (int i = 0; i < 5; i++) {
      server.getAttribute(name, "Processes");
    }
    long fdsBefore = openFds();

    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger started = new AtomicInteger();
    AtomicLong reads = new AtomicLong();
    CountDownLatch readersDone = new CountDownLatch(READERS);
    Thread churner =
        new Thread(
            () -> {
              try {
                while (started.get() < CHILDREN || readersDone.getCount() > 0) {
                  List<Process> batch = new ArrayList<>();
                  for (int i = 0; i < 10; i++) {
                    batch.add(
                        new ProcessBuilder("sh", "-c", "exit 0")
                            .redirectInput(new File("/dev/null"))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start());
                    started.incrementAndGet();
                  }
                  for (Process p : batch) {
                    p.waitFor();
                  }
                }
              } catch (Exception e) {
                errors.add(e);
              }
            },
            "churn");
    churner.start();

    List<WeakReference<Snapshot>> seen = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < READERS; t++) {
      int id = t;
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < READS_PER_THREAD; i++) {
                    switch ((id + i) % 6) {
                      case 0 ->
                          assertThat(((TabularData) server.getAttribute(name, "Processes")).size())
                              .isPositive();
                      case 1 ->
                          assertThat((Integer) server.getAttribute(name, "ProcessCount"))
                              .isPositive();
                      case 2 ->
                          server.invoke(name, "topByCpu", new Object[] {5}, new String[] {"int"});
                      case 3 ->
                          server.invoke(
                              name,
                              "find",
                              new Object[] {"sh|java"},
                              new String[] {"java.lang.String"});
                      case 4 ->
                          server.invoke(name, "process", new Object[] {me}, new String[] {"long"});
                      default -> server.invoke(name, "refresh", new Object[0], new String[0]);
                    }
                    reads.incrementAndGet();
                    if (i % 10 == 0) {
                      synchronized (seen) {
                        seen.add(new WeakReference<>(sampler.peek()));
                      }
                    }
                  }
                } catch (Throwable e) {
                  errors.add(e);
                } finally {
                  readersDone.countDown();
                }
              },
              "reader-" + t);
      readers.add(reader);
      reader.start();
    }
    // progress, not wall time: every read and every child started counts
    assertThat(
            Progress.await(
                () -> readersDone.getCount() == 0, () -> reads.get() + started.get(), STALL))
        .as("readers stalled after %d reads, %d children", reads.get(), started.get())
        .isTrue();
    assertThat(Progress.await(() -> !churner.isAlive(), started::get, STALL))
        .as("churner stalled after %d children", started.get())
        .isTrue();

    assertThat(errors).isEmpty();
    assertThat(started.get()).isGreaterThanOrEqualTo(CHILDREN);
    assertThat(probe.maxInFlight.get()).isEqualTo(1);
    assertThat(probe.scans.get()).isGreaterThan(READERS);
    assertThat(sampler.stats().failedScans()).isZero();

    // one scan opens a few descriptors per process; a leak of one per scan would be thousands
    long fdsAfter = openFds();
    assertThat(fdsAfter)
        .as("open descriptors after %d scans", probe.scans.get())
        .isLessThan(fdsBefore + 8);

    // the sampler keeps one snapshot, not a history: every old one can be collected
    Snapshot current = sampler.peek();
    for (int i = 0; i < 50 && stillReachable(seen, current) > 0; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(stillReachable(seen, current)).isZero();
    assertThat(seen.size()).isGreaterThan(10);
  }

  @Test
  void theReadersSeeTheChildrenGoAway() throws Exception {
    // a sanity check of the premise: a child that exited is not in a later snapshot
    ProcessSampler sampler =
        new ProcessSampler(
            new LinuxProcessProbe(Path.of("/proc"), new UserNames(Path.of("/etc/passwd"))),
            ProcessFilter.ALL,
            null,
            Duration.ZERO,
            System::nanoTime);
    Process p =
        new ProcessBuilder("sleep", "30")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(sampler.snapshot().byPid(p.pid())).isNotNull();
    } finally {
      p.destroyForcibly().waitFor();
    }
    assertThat(sampler.snapshot().byPid(p.pid())).isNull();
  }

  private static int stillReachable(List<WeakReference<Snapshot>> refs, Snapshot current) {
    int n = 0;
    for (WeakReference<Snapshot> r : refs) {
      Snapshot s = r.get();
      if (s != null && s != current) {
        n++;
      }
    }
    return n;
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
