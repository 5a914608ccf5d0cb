package dev.psinfo.jmx;

import static dev.psinfo.probe.ProcessField.THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.host.HostSystem;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class SystemInfoTest {
  static final ObjectName NAME = name("psinfo:type=SystemInfo");
  static final SystemFacts FACTS =
      new SystemFacts(
          "host1",
          "AIX",
          "7.2",
          "7200-04-02-2027",
          "ppc64",
          "PowerPC_POWER8",
          8,
          2,
          3891,
          4096L << 20,
          1_740_060_607_000L,
          Map.of("lparName", "dev1", "smtThreads", "4"));
  static final SystemLoad LOAD =
      new SystemLoad(1L << 30, 2L << 30, 512L << 20, 500L << 20, 0.5, 0.25, 0.125, 3600, Map.of());

  final MBeanServer server = MBeanServerFactory.newMBeanServer();

  static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A probe that serves fixed values and counts calls; it fails while {@code fail} is set. */
  static final class FakeProbe implements SystemProbe {
    final AtomicInteger factsCalls = new AtomicInteger();
    final AtomicInteger loadCalls = new AtomicInteger();
    volatile boolean fail;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public SystemFacts facts() {
      factsCalls.incrementAndGet();
      if (fail) {
        throw new IllegalStateException("broken");
      }
      return FACTS;
    }

    @Override
    public SystemLoad load() {
      loadCalls.incrementAndGet();
      if (fail) {
        throw new IllegalStateException("broken");
      }
      return LOAD;
    }
  }

  static ProcessScan scan() {
    return new ProcessScan(
        List.of(
            ProcessInfo.builder(1).set(THREADS, 1).build(),
            ProcessInfo.builder(2).set(THREADS, 7).build(),
            ProcessInfo.builder(3).build()), // threads unknown
        0,
        0,
        0,
        ScanStats.EMPTY);
  }

  SystemInfoMXBean register(SystemInfoMXBean bean) throws Exception {
    server.registerMBean(new DescribedMBean<>(bean, SystemInfoMXBean.class), NAME);
    return JMX.newMXBeanProxy(server, NAME, SystemInfoMXBean.class);
  }

  @Test
  void everyAttributeThroughAnMxBeanProxy() throws Exception {
    SystemInfoMXBean proxy =
        register(
            SystemInfo.of(
                new HostSystem(
                    new FakeProbe(),
                    SystemInfoTest::scan,
                    Duration.ofSeconds(2),
                    System::nanoTime)));
    assertThat(proxy.getHostname()).isEqualTo("host1");
    assertThat(proxy.getOsName()).isEqualTo("AIX");
    assertThat(proxy.getOsVersion()).isEqualTo("7.2");
    assertThat(proxy.getKernelVersion()).isEqualTo("7200-04-02-2027");
    assertThat(proxy.getArchitecture()).isEqualTo("ppc64");
    assertThat(proxy.getCpuModel()).isEqualTo("PowerPC_POWER8");
    assertThat(proxy.getLogicalProcessors()).isEqualTo(8);
    assertThat(proxy.getPhysicalCores()).isEqualTo(2);
    assertThat(proxy.getCpuClockMhz()).isEqualTo(3891);
    assertThat(proxy.getTotalMemoryBytes()).isEqualTo(4096L << 20);
    assertThat(proxy.getFreeMemoryBytes()).isEqualTo(1L << 30);
    assertThat(proxy.getAvailableMemoryBytes()).isEqualTo(2L << 30);
    assertThat(proxy.getTotalSwapBytes()).isEqualTo(512L << 20);
    assertThat(proxy.getFreeSwapBytes()).isEqualTo(500L << 20);
    assertThat(proxy.getBootTimeMillis()).isEqualTo(1_740_060_607_000L);
    assertThat(proxy.getUptimeSeconds()).isEqualTo(3600);
    assertThat(proxy.getLoadAverage1m()).isEqualTo(0.5);
    assertThat(proxy.getLoadAverage5m()).isEqualTo(0.25);
    assertThat(proxy.getLoadAverage15m()).isEqualTo(0.125);
    assertThat(proxy.getProcessCount()).isEqualTo(3);
    assertThat(proxy.getThreadCount()).isEqualTo(8);
    assertThat(proxy.getPlatform())
        .containsOnly(
            Map.entry("lparName", "dev1"),
            Map.entry("smtThreads", "4"),
            Map.entry("probe", "fake"));
  }

  @Test
  void attributesAreExactlyTheContractAndDescribedWithUnits() throws Exception {
    register(
        SystemInfo.of(
            new HostSystem(
                new FakeProbe(), SystemInfoTest::scan, Duration.ofSeconds(2), System::nanoTime)));
    MBeanInfo info = server.getMBeanInfo(NAME);
    assertThat(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName))
        .containsExactlyInAnyOrder(
            "Hostname",
            "OsName",
            "OsVersion",
            "KernelVersion",
            "Architecture",
            "CpuModel",
            "LogicalProcessors",
            "PhysicalCores",
            "CpuClockMhz",
            "TotalMemoryBytes",
            "FreeMemoryBytes",
            "AvailableMemoryBytes",
            "TotalSwapBytes",
            "FreeSwapBytes",
            "BootTimeMillis",
            "UptimeSeconds",
            "LoadAverage1m",
            "LoadAverage5m",
            "LoadAverage15m",
            "ProcessCount",
            "ThreadCount",
            "SnapshotTimeMillis",
            "CpuBusyPercent",
            "CpuUserPercent",
            "CpuSystemPercent",
            "CpuIdlePercent",
            "CpuIowaitPercent",
            "CpuIntervalMillis",
            "CpuSource",
            "Platform");
    assertThat(info.getOperations()).isEmpty();
    assertThat(info.getDescription()).contains("-1");
    for (MBeanAttributeInfo a : info.getAttributes()) {
      assertThat(a.getDescription()).as(a.getName()).isNotEqualTo(a.getName());
      assertThat(a.isWritable()).as(a.getName()).isFalse();
      if (!a.getName().equals("Platform")) {
        assertThat(a.getDescription()).as(a.getName()).containsAnyOf("-1", "\"\"");
      }
    }
    for (Method m : SystemInfoMXBean.class.getMethods()) {
      assertThat(m.getAnnotation(Description.class)).as(m.getName()).isNotNull();
    }
  }

  @Test
  void platformIsATabularDataWithKeyAndValue() throws Exception {
    register(
        SystemInfo.of(
            new HostSystem(
                new FakeProbe(), SystemInfoTest::scan, Duration.ofSeconds(2), System::nanoTime)));
    TabularData table = (TabularData) server.getAttribute(NAME, "Platform");
    assertThat(table.getTabularType().getIndexNames()).containsExactly("key");
    CompositeData row = table.get(new Object[] {"lparName"});
    assertThat(row.get("value")).isEqualTo("dev1");
    assertThat(table.size()).isEqualTo(3);
  }

  @Test
  void aBrokenProbeGivesSentinelsNeverExceptions() throws Exception {
    FakeProbe probe = new FakeProbe();
    probe.fail = true;
    SystemInfoMXBean proxy =
        register(
            SystemInfo.of(
                new HostSystem(
                    probe,
                    () -> {
                      throw new IllegalStateException("no scan");
                    },
                    Duration.ofSeconds(2),
                    System::nanoTime)));
    assertThat(proxy.getHostname()).isEmpty();
    assertThat(proxy.getTotalMemoryBytes()).isEqualTo(-1);
    assertThat(proxy.getFreeMemoryBytes()).isEqualTo(-1);
    assertThat(proxy.getLoadAverage1m()).isEqualTo(-1.0);
    assertThat(proxy.getBootTimeMillis()).isEqualTo(-1);
    assertThat(proxy.getProcessCount()).isEqualTo(-1);
    assertThat(proxy.getThreadCount()).isEqualTo(-1);
    assertThat(proxy.getPlatform()).containsOnly(Map.entry("probe", "fake"));
    assertThat(
            SystemInfo.of(new HostSystem(probe, () -> null, Duration.ZERO, System::nanoTime))
                .getProcessCount())
        .isEqualTo(-1);
  }

  @Test
  void valuesAreServedForTheTtlAndTheLastGoodOneSurvivesAFailure() {
    FakeProbe probe = new FakeProbe();
    AtomicLong now = new AtomicLong();
    AtomicInteger scans = new AtomicInteger();
    SystemInfoMXBean bean =
        SystemInfo.of(
            new HostSystem(
                probe,
                () -> {
                  scans.incrementAndGet();
                  return scan();
                },
                Duration.ofSeconds(2),
                now::get));
    assertThat(probe.loadCalls).hasValue(0); // nothing is read before the first getter
    bean.getFreeMemoryBytes();
    bean.getLoadAverage1m();
    bean.getUptimeSeconds();
    bean.getProcessCount();
    bean.getThreadCount();
    assertThat(probe.loadCalls).hasValue(1);
    // the counts follow the process table's snapshot (whose sampler has the ttl): each read asks
    // for it, so counts read together with the table agree with it
    assertThat(scans).hasValue(2);

    now.addAndGet(Duration.ofSeconds(3).toNanos());
    probe.fail = true;
    assertThat(bean.getFreeMemoryBytes()).isEqualTo(1L << 30);
    assertThat(probe.loadCalls).hasValue(2);
  }
}
