package dev.psinfo.host;

import dev.psinfo.probe.CpuLoad;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import java.util.Map;

/**
 * Where {@link SystemAttribute}s read their values: {@link HostSystem} itself (each call asks its
 * caches) or one moment of it ({@link HostSystem#reading()}). The methods are {@link HostSystem}'s.
 */
interface SystemSources {
  /** Every value unavailable. */
  SystemSources UNKNOWN =
      new Frozen(
          SystemFacts.UNKNOWN, SystemLoad.UNKNOWN, CpuLoad.UNKNOWN, "", -1, -1, -1, Map.of());

  SystemFacts facts();

  SystemLoad load();

  CpuLoad cpu();

  String cpuSource();

  int processCount();

  long threadCount();

  long snapshotTimeMillis();

  Map<String, String> platform();

  /** Values read once. */
  record Frozen(
      SystemFacts facts,
      SystemLoad load,
      CpuLoad cpu,
      String cpuSource,
      int processCount,
      long threadCount,
      long snapshotTimeMillis,
      Map<String, String> platform)
      implements SystemSources {}
}
