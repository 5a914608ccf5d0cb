package dev.psinfo.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The host's process totals, once per period: a periodic event, disabled unless a recording's
 * settings enable it, so it costs nothing otherwise. Each period also commits one {@link
 * ProcessEvent} per process of the top {@value JfrHook#TOP} by recent CPU. A period shorter than
 * one second records at most once a second ({@link JfrHook#MIN_PERIOD_NANOS}).
 */
@Name(HostProcessesEvent.NAME)
@Label("Host Processes")
@Category({"psinfo", "Host"})
@Description(
    "The host's process table totals from psinfo-jmx; with it, the top processes by recent CPU"
        + " (psinfo.Process)")
@Enabled(false)
@Period("10 s")
@StackTrace(false)
final class HostProcessesEvent extends Event {
  static final String NAME = "psinfo.HostProcesses";

  @Label("Processes")
  @Description("Every process of the host in the scan, before the agent's filters")
  long processCount;

  @Label("Shown Processes")
  @Description("Processes the agent's filters (include, exclude, users) show")
  long shownProcessCount;

  @Label("Threads")
  @Description("Threads of every process of the host")
  long threadCount;

  @Label("Shown RSS")
  @Description("Resident set sizes of the shown processes added up")
  @DataAmount
  long shownRssBytes;

  @Label("Shown CPU %")
  @Description("Recent CPU use of the shown processes added up, percent of one CPU")
  double shownCpuPercent;

  @Label("Total Memory")
  @DataAmount
  long totalMemoryBytes;

  @Label("Available Memory")
  @Description("Memory programs can get without swapping; -1: not available")
  @DataAmount
  long availableMemoryBytes;

  @Label("Load Average 1m")
  double loadAverage1m;

  @Label("Scan Duration")
  @Timespan(Timespan.MILLISECONDS)
  long scanMillis;
}
