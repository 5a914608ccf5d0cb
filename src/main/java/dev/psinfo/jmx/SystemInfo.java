package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.HostSystem;
import java.util.Map;

/**
 * {@link SystemInfoMXBean} over the host's {@link HostSystem}: each getter is one value of it (the
 * caches, the CPU source and the counts live there). No getter throws. Thread-safe.
 */
public final class SystemInfo implements SystemInfoMXBean {
  private final HostSystem system;

  /**
   * @param system the host's facts and load
   */
  public SystemInfo(HostSystem system) {
    this.system = requireNonNull(system, "system is null");
  }

  @Override
  public String getHostname() {
    return system.facts().hostname();
  }

  @Override
  public String getOsName() {
    return system.facts().osName();
  }

  @Override
  public String getOsVersion() {
    return system.facts().osVersion();
  }

  @Override
  public String getKernelVersion() {
    return system.facts().kernelVersion();
  }

  @Override
  public String getArchitecture() {
    return system.facts().architecture();
  }

  @Override
  public String getCpuModel() {
    return system.facts().cpuModel();
  }

  @Override
  public int getLogicalProcessors() {
    return system.facts().logicalProcessors();
  }

  @Override
  public int getPhysicalCores() {
    return system.facts().physicalCores();
  }

  @Override
  public long getCpuClockMhz() {
    return system.facts().cpuClockMhz();
  }

  @Override
  public long getTotalMemoryBytes() {
    return system.facts().totalMemoryBytes();
  }

  @Override
  public long getFreeMemoryBytes() {
    return system.load().freeMemoryBytes();
  }

  @Override
  public long getAvailableMemoryBytes() {
    return system.load().availableMemoryBytes();
  }

  @Override
  public long getTotalSwapBytes() {
    return system.load().totalSwapBytes();
  }

  @Override
  public long getFreeSwapBytes() {
    return system.load().freeSwapBytes();
  }

  @Override
  public long getBootTimeMillis() {
    return system.facts().bootTimeMillis();
  }

  @Override
  public long getUptimeSeconds() {
    return system.load().uptimeSeconds();
  }

  @Override
  public double getLoadAverage1m() {
    return system.load().loadAverage1m();
  }

  @Override
  public double getLoadAverage5m() {
    return system.load().loadAverage5m();
  }

  @Override
  public double getLoadAverage15m() {
    return system.load().loadAverage15m();
  }

  @Override
  public int getProcessCount() {
    return system.processCount();
  }

  @Override
  public long getThreadCount() {
    return system.threadCount();
  }

  @Override
  public long getSnapshotTimeMillis() {
    return system.snapshotTimeMillis();
  }

  @Override
  public Map<String, String> getPlatform() {
    return system.platform();
  }

  @Override
  public double getCpuBusyPercent() {
    return system.cpu().busyPercent();
  }

  @Override
  public double getCpuUserPercent() {
    return system.cpu().userPercent();
  }

  @Override
  public double getCpuSystemPercent() {
    return system.cpu().systemPercent();
  }

  @Override
  public double getCpuIdlePercent() {
    return system.cpu().idlePercent();
  }

  @Override
  public double getCpuIowaitPercent() {
    return system.cpu().iowaitPercent();
  }

  @Override
  public long getCpuIntervalMillis() {
    return system.cpu().intervalMillis();
  }

  @Override
  public String getCpuSource() {
    return system.cpuSource();
  }
}
