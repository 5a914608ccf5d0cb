package dev.psinfo.jmx;

import java.util.Map;

/**
 * The host's facts next to its process table, as {@code psinfo:type=SystemInfo}. Every value is
 * {@code -1} (numbers) or {@code ""} (text) when this platform does not have it or it could not be
 * read; no getter throws. Static facts are read once; the others at most once per the agent's
 * {@code ttl}.
 */
@Description(
    "The host's facts: OS, CPUs, memory, swap, load, boot time, process and thread counts."
        + " -1 or \"\" means not available on this platform.")
public interface SystemInfoMXBean {
  /** See the description. */
  @Description("Host name as the kernel knows it (no DNS lookup); \"\" if unknown.")
  String getHostname();

  /** See the description. */
  @Description("Operating system name, e.g. Linux or AIX; \"\" if unknown.")
  String getOsName();

  /** See the description. */
  @Description(
      "Operating system version: the distribution's VERSION_ID on Linux (the kernel release when"
          + " there is none), e.g. 7.2 on AIX; \"\" if unknown.")
  String getOsVersion();

  /** See the description. */
  @Description(
      "Kernel level: the kernel release on Linux, oslevel -s (e.g. 7200-04-02-2027) on AIX;"
          + " \"\" if unknown.")
  String getKernelVersion();

  /** See the description. */
  @Description("Machine architecture as the JVM reports it, e.g. amd64, ppc64; \"\" if unknown.")
  String getArchitecture();

  /** See the description. */
  @Description("Processor model, e.g. AMD EPYC or PowerPC_POWER8; \"\" if unknown.")
  String getCpuModel();

  /** See the description. */
  @Description(
      "Logical processors (hardware threads) the OS schedules on; on AIX online virtual"
          + " processors times SMT threads. Count; -1 if unknown.")
  int getLogicalProcessors();

  /** See the description. */
  @Description(
      "Physical processor cores; on AIX the partition's virtual processors. Count; -1 if"
          + " unknown.")
  int getPhysicalCores();

  /** See the description. */
  @Description("Nominal processor clock in MHz (rounded); -1 if unknown.")
  long getCpuClockMhz();

  /** See the description. */
  @Description("Installed (partition) memory in bytes; -1 if unknown.")
  long getTotalMemoryBytes();

  /** See the description. */
  @Description("Memory not used for anything, in bytes; -1 if unknown.")
  long getFreeMemoryBytes();

  /** See the description. */
  @Description(
      "Memory that programs can get without swapping (free plus reclaimable caches: Linux"
          + " MemAvailable, AIX svmon available), in bytes; -1 if unknown.")
  long getAvailableMemoryBytes();

  /** See the description. */
  @Description("Configured swap (AIX paging space) in bytes; 0 if none, -1 if unknown.")
  long getTotalSwapBytes();

  /** See the description. */
  @Description("Unused swap (AIX paging space) in bytes; -1 if unknown.")
  long getFreeSwapBytes();

  /** See the description. */
  @Description("When the host booted, in milliseconds since 1970-01-01T00:00Z; -1 if unknown.")
  long getBootTimeMillis();

  /** See the description. */
  @Description("Time since boot in seconds; -1 if unknown.")
  long getUptimeSeconds();

  /** See the description. */
  @Description("Load average (run-queue length) over 1 minute; -1 if unknown.")
  double getLoadAverage1m();

  /** See the description. */
  @Description("Load average (run-queue length) over 5 minutes; -1 if unknown.")
  double getLoadAverage5m();

  /** See the description. */
  @Description("Load average (run-queue length) over 15 minutes; -1 if unknown.")
  double getLoadAverage15m();

  /** See the description. */
  @Description(
      "Processes in the agent's latest process scan (zombies included). Count; -1 if unknown.")
  int getProcessCount();

  /** See the description. */
  @Description("Threads of all processes in the latest process scan. Count; -1 if unknown.")
  long getThreadCount();

  /** See the description. */
  @Description(
      "When the process scan that ProcessCount and ThreadCount come from was taken, in"
          + " milliseconds since the epoch (the same value as ProcessTable's SnapshotTimeMillis"
          + " for the same snapshot); -1 if there is none.")
  long getSnapshotTimeMillis();

  /** See the description. */
  @Description(
      "What only this platform has, as text key/value pairs. Always: probe (aix or linux)."
          + " AIX: lparName, lparNumber, partitionType, sharingMode, capacityMode,"
          + " entitledCapacity (processor units), smtThreads, onlineVirtualCpus, memoryMode,"
          + " oslevel, systemModel, ... Linux: distribution, cgroupVersion, and when limited"
          + " cgroupMemoryLimitBytes, cgroupCpuQuotaCores. Keys that could not be read are left"
          + " out.")
  Map<String, String> getPlatform();

  /** See the description. */
  @Description(
      "Host CPU use in percent of all processors (100 = all busy): time neither idle nor in I/O"
          + " wait, since the previous reading (at least 1 s before; since boot for the first)."
          + " Linux: /proc/stat. AIX: the process table's CPU time over the partition's virtual"
          + " processors, an estimate that is a little low (see CpuSource). -1 if unknown.")
  double getCpuBusyPercent();

  /** See the description. */
  @Description(
      "Host CPU time in user code, percent of all processors (Linux: user + nice), over the"
          + " same interval as CpuBusyPercent; -1 if unknown or not split.")
  double getCpuUserPercent();

  /** See the description. */
  @Description(
      "Host CPU time in the kernel, percent of all processors (Linux: system + irq + softirq),"
          + " over the same interval; -1 if unknown or not split.")
  double getCpuSystemPercent();

  /** See the description. */
  @Description(
      "Host CPU time idle (without I/O wait), percent of all processors, over the same interval;"
          + " -1 if unknown.")
  double getCpuIdlePercent();

  /** See the description. */
  @Description(
      "Host CPU time idle while I/O was outstanding, percent of all processors, over the same"
          + " interval; -1 if unknown (always on AIX, where it is idle time).")
  double getCpuIowaitPercent();

  /** See the description. */
  @Description(
      "Length of the interval the Cpu*Percent values describe, in milliseconds (the uptime for"
          + " the first reading); -1 if unknown.")
  long getCpuIntervalMillis();

  /** See the description. */
  @Description(
      "Where the Cpu*Percent values come from: counters (Linux /proc/stat) or process times"
          + " (AIX: summed from the process table); \"\" if unknown.")
  String getCpuSource();
}
