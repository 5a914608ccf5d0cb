package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.EUID;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.THREADS;
import static dev.psinfo.probe.ProcessField.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.UserPattern;
import dev.psinfo.host.Host;
import dev.psinfo.host.TestHosts;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/**
 * One answer, one snapshot (issue 23): with a zero ttl every read of the table wants a new scan,
 * and every scan of this probe has a different number of processes, so an answer whose attributes
 * straddle two scans is caught at once. {@code getAttributes} on each bean, from several threads,
 * must agree with itself and name its snapshot in {@code SnapshotTimeMillis}.
 */
class OneSnapshotTest {
  private static final long EPOCH_MILLIS = 1_700_000_000_000L;

  /** Scan k (from 1) holds {@link #size}(k) processes and is taken at EPOCH_MILLIS + k. */
  static final class Churning implements ProcessProbe {
    final AtomicLong scans = new AtomicLong();

    static int size(long k) {
      return 3 + (int) (k % 11);
    }

    /** How many of scan k's processes are called "db" (the group's members). */
    static int dbs(long k) {
      return (int) (k % 3);
    }

    @Override
    public String name() {
      return "linux";
    }

    @Override
    public ProcessScan scan() {
      long k = scans.incrementAndGet();
      List<ProcessInfo> rows = new ArrayList<>();
      for (int i = 0; i < size(k); i++) {
        long pid = 100 * k + i;
        rows.add(
            ProcessInfo.builder(pid)
                .set(PPID, 1)
                .set(USER, i % 2 == 0 ? "root" : "app")
                .set(EUID, i % 2 == 0 ? 0 : 1000)
                .set(NAME, i < dbs(k) ? "db" : "worker")
                .set(ARGS, "worker --id " + i)
                .set(THREADS, 2)
                .set(RSS_BYTES, i == 0 ? -1 : 4096L * i)
                .set(CPU_TIME_MILLIS, 10L * i)
                .set(START_TIME_MILLIS, EPOCH_MILLIS - 1000)
                .build());
      }
      return new ProcessScan(rows, EPOCH_MILLIS + k, k * 1_000_000L, 1_000, ScanStats.EMPTY);
    }
  }

  private final MBeanServer server = MBeanServerFactory.newMBeanServer();
  private final Churning probe = new Churning();
  private final ProcessSampler sampler =
      new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime);
  private final Host host = TestHosts.of(probe, new SystemInfoTest.FakeProbe(), sampler);
  private final ObjectName table = name("psinfo:type=ProcessTable");
  private final ObjectName system = name("psinfo:type=SystemInfo");
  private final ObjectName coverage = name("psinfo:type=Coverage");
  private final ObjectName group = name("psinfo:type=ProcessGroup,name=db");

  OneSnapshotTest() throws Exception {
    server.registerMBean(new ProcessTable(sampler, 0, ExportOrder.CPU), table);
    server.registerMBean(
        new DescribedMBean<>(SystemInfo.of(host.system()), SystemInfoMXBean.class, sampler),
        system);
    server.registerMBean(
        new DescribedMBean<>(Coverage.of(host.coverage()), CoverageMXBean.class, sampler),
        coverage);
    server.registerMBean(
        new DescribedMBean<>(
            new ProcessGroup(sampler, UserPattern.compile("^db$")),
            ProcessGroupMXBean.class,
            sampler),
        group);
  }

  @Test
  void everyAnswerComesFromOneSnapshotWhileTheTableChanges() throws Exception {
    ConcurrentLinkedQueue<String> found = new ConcurrentLinkedQueue<>();
    int threads = 4;
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 150; i++) {
                    check(found);
                  }
                } catch (Exception | AssertionError e) {
                  found.add(e.toString());
                }
              });
      readers.add(reader);
      reader.start();
    }
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(found).isEmpty();
    // the table really changed under the readers: many scans, each a different table
    assertThat(probe.scans.get()).isGreaterThan(100);
  }

  /** One round of reads; adds what disagrees to {@code found}. */
  private void check(ConcurrentLinkedQueue<String> found) throws Exception {
    Map<String, Object> t =
        read(table, "ProcessCount", "Processes", "ProcessMetrics", "Users", "SnapshotTimeMillis");
    long k = (Long) t.get("SnapshotTimeMillis") - EPOCH_MILLIS;
    int n = Churning.size(k);
    agree(found, "ProcessTable ProcessCount", t.get("ProcessCount"), n);
    agree(found, "ProcessTable Processes", ((TabularData) t.get("Processes")).size(), n);
    agree(found, "ProcessTable ProcessMetrics", ((TabularData) t.get("ProcessMetrics")).size(), n);
    int byUser = 0;
    for (Object row : ((TabularData) t.get("Users")).values()) {
      byUser += (Integer) ((CompositeData) row).get("processCount");
    }
    agree(found, "ProcessTable Users", byUser, n);
    for (Object row : ((TabularData) t.get("Processes")).values()) {
      agree(found, "Processes pid of scan", (Long) ((CompositeData) row).get("pid") / 100, k);
    }

    Map<String, Object> s = read(system, "ProcessCount", "ThreadCount", "SnapshotTimeMillis");
    k = (Long) s.get("SnapshotTimeMillis") - EPOCH_MILLIS;
    agree(found, "SystemInfo ProcessCount", s.get("ProcessCount"), Churning.size(k));
    agree(found, "SystemInfo ThreadCount", s.get("ThreadCount"), 2L * Churning.size(k));

    Map<String, Object> c =
        read(coverage, "VisibleProcesses", "VisibleTasks", "SnapshotTimeMillis", "AsDenied");
    k = (Long) c.get("SnapshotTimeMillis") - EPOCH_MILLIS;
    agree(found, "Coverage VisibleProcesses", c.get("VisibleProcesses"), Churning.size(k));
    agree(found, "Coverage VisibleTasks", c.get("VisibleTasks"), 2L * Churning.size(k));
    // a Linux probe never reads /proc/<pid>/as: not available, not 0
    agree(found, "Coverage AsDenied", c.get("AsDenied"), -1);

    Map<String, Object> g = read(group, "ProcessCount", "Pids", "SnapshotTimeMillis");
    k = (Long) g.get("SnapshotTimeMillis") - EPOCH_MILLIS;
    agree(found, "ProcessGroup ProcessCount", g.get("ProcessCount"), Churning.dbs(k));
    agree(found, "ProcessGroup Pids", ((long[]) g.get("Pids")).length, Churning.dbs(k));
  }

  private Map<String, Object> read(ObjectName bean, String... attributes) throws Exception {
    AttributeList list = server.getAttributes(bean, attributes);
    assertThat(list.asList()).as(bean + " answered every attribute").hasSize(attributes.length);
    return list.asList().stream()
        .collect(Collectors.toMap(Attribute::getName, Attribute::getValue));
  }

  private static void agree(
      ConcurrentLinkedQueue<String> found, String what, Object actual, long expected) {
    if (((Number) actual).longValue() != expected) {
      found.add(what + ": " + actual + ", its snapshot says " + expected);
    }
  }

  @Test
  void theExporterViewHoldsTheSameRowsWithOnlyTheSeriesNumbers() throws Exception {
    sampler.refresh();
    AttributeList both = server.getAttributes(table, new String[] {"Processes", "ProcessMetrics"});
    TabularData processes = (TabularData) both.asList().get(0).getValue();
    TabularData metrics = (TabularData) both.asList().get(1).getValue();
    assertThat(metrics.getTabularType().getIndexNames()).isEqualTo(ProcessRows.INDEX);
    Function<TabularData, List<Object>> pids =
        td -> td.values().stream().map(r -> ((CompositeData) r).get("pid")).toList();
    assertThat(pids.apply(metrics)).isEqualTo(pids.apply(processes));
    for (Object o : processes.values()) {
      CompositeData full = (CompositeData) o;
      CompositeData narrow =
          metrics.get(new Object[] {full.get("pid"), full.get("name"), full.get("user")});
      assertThat(narrow).as("row of pid " + full.get("pid")).isNotNull();
      assertThat(narrow.getCompositeType().keySet())
          .containsExactlyInAnyOrder(
              "pid",
              "name",
              "user",
              "rssBytes",
              "vszBytes",
              "cpuTimeMillis",
              "threads",
              "startTimeMillis");
      for (String item : ProcessMetricRows.VALUES) {
        Number value = (Number) full.get(item);
        // "not available" is absent in the exporter's view, so no rule needs to look at values
        assertThat(narrow.get(item)).as(item).isEqualTo(value.longValue() < 0 ? null : value);
      }
    }
  }

  @Test
  void concurrentReadersShareOneScanAndOneBuiltView() throws Exception {
    ProcessSampler slow =
        new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ofMinutes(1), System::nanoTime);
    ProcessTable bean = new ProcessTable(slow, 0, ExportOrder.CPU);
    int readers = 10;
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Object> seen = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  seen.add(bean.getAttribute("ProcessMetrics"));
                  seen.add(bean.getAttribute("Processes"));
                } catch (Exception e) {
                  seen.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    long before = probe.scans.get();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(probe.scans.get() - before).as("scans").isEqualTo(1);
    assertThat(seen).hasSize(2 * readers);
    Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(seen);
    assertThat(distinct).as("tables handed out: one ProcessMetrics, one Processes").hasSize(2);
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
