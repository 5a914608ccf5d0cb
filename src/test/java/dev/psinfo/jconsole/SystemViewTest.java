package dev.psinfo.jconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.Test;

class SystemViewTest {
  private static Map<String, String> facts(List<SystemView.Group> groups) {
    return groups.stream()
        .flatMap(g -> g.facts().stream())
        .collect(Collectors.toMap(SystemView.Fact::label, SystemView.Fact::value));
  }

  private static TabularDataSupport platform(Map<String, String> map) throws Exception {
    CompositeType row =
        new CompositeType(
            "entry",
            "entry",
            new String[] {"key", "value"},
            new String[] {"key", "value"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING});
    TabularDataSupport t =
        new TabularDataSupport(new TabularType("map", "map", row, new String[] {"key"}));
    for (var e : map.entrySet()) {
      t.put(new CompositeDataSupport(row, Map.of("key", e.getKey(), "value", e.getValue())));
    }
    return t;
  }

  @Test
  void factsAreGroupedAndReadable() throws Exception {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Hostname", "aixbox");
    a.put("OsName", "AIX");
    a.put("OsVersion", "7.2");
    a.put("KernelVersion", "7200-04-02-2027");
    a.put("Architecture", "ppc64");
    a.put("CpuModel", "PowerPC_POWER8");
    a.put("LogicalProcessors", 8);
    a.put("PhysicalCores", 2);
    a.put("CpuClockMhz", 3425L);
    a.put("TotalMemoryBytes", 8L << 30);
    a.put("FreeMemoryBytes", 1L << 30);
    a.put("AvailableMemoryBytes", 2L << 30);
    a.put("TotalSwapBytes", 4L << 30);
    a.put("FreeSwapBytes", 3L << 30);
    a.put("BootTimeMillis", 0L);
    a.put("UptimeSeconds", 90_061L);
    a.put("LoadAverage1m", 2.0);
    a.put("LoadAverage5m", 1.5);
    a.put("LoadAverage15m", 1.25);
    a.put("ProcessCount", 1234);
    a.put("ThreadCount", 5678L);
    a.put(
        "Platform",
        platform(
            Map.of(
                "probe", "aix",
                "lparName", "lpar7",
                "entitledCapacity", "0.50",
                "cgroupMemoryLimitBytes", "536870912")));
    List<SystemView.Group> groups = SystemView.groups(a, ZoneOffset.UTC);
    assertThat(groups)
        .extracting(SystemView.Group::title)
        .containsExactly("Host and OS", "CPUs", "Memory and swap", "Load and uptime", "Platform");
    assertThat(facts(groups))
        .containsEntry("Host name", "aixbox")
        .containsEntry("Operating system", "AIX 7.2")
        .containsEntry("Clock", "3,425 MHz")
        .containsEntry("Memory used", "6.0G of 8.0G (75.0%)")
        .containsEntry("Available", "2.0G (25.0%)")
        .containsEntry("Swap used", "1.0G of 4.0G (25.0%)")
        .containsEntry("Load average (1, 5, 15 min)", "2.00  1.50  1.25   (25% of 8 CPUs)")
        .containsEntry("Up for", "1d 1h 01m")
        .containsEntry("Booted", "1970-01-01 00:00:00")
        .containsEntry("Processes", "1,234")
        .containsEntry("Lpar name", "lpar7")
        .containsEntry("Entitled capacity", "0.50")
        .containsEntry("Cgroup memory limit bytes", "512M (536,870,912 bytes)")
        .containsEntry("Probe", "aix");
  }

  @Test
  void missingAndSentinelValuesAreDashes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Hostname", "");
    a.put("TotalMemoryBytes", -1L);
    a.put("TotalSwapBytes", 0L);
    a.put("LoadAverage1m", -1.0);
    Map<String, String> facts = facts(SystemView.groups(a, ZoneOffset.UTC));
    assertThat(facts)
        .containsEntry("Host name", "-")
        .containsEntry("Operating system", "-")
        .containsEntry("Memory used", "-")
        .containsEntry("Swap used", "no swap configured")
        .containsEntry("Load average (1, 5, 15 min)", "-")
        .containsEntry("Up for", "-")
        .containsEntry("Platform facts", "-");
  }
}
