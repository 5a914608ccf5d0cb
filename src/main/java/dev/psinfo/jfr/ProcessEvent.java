package dev.psinfo.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * One of the host's busiest processes in a period, committed only by {@link HostProcessesEvent}'s
 * periodic hook (so only while that event is enabled). Values are the agent's row; {@code -1} means
 * not available.
 */
@Name(ProcessEvent.NAME)
@Label("Host Process")
@Category({"psinfo", "Host"})
@Description("One of the host's top processes by recent CPU, from psinfo-jmx")
@StackTrace(false)
final class ProcessEvent extends Event {
  static final String NAME = "psinfo.Process";

  @Label("Rank")
  @Description("1 for the busiest process of the period")
  int rank;

  @Label("PID")
  long pid;

  @Label("Parent PID")
  long ppid;

  @Label("Name")
  @Description("The kernel's name of the process; control, bidi and invisible characters escaped")
  String name;

  @Label("User")
  @Description("Effective user; control, bidi and invisible characters escaped")
  String user;

  @Label("Arguments")
  @Description(
      "The command line, secrets scrubbed, at most 1024 characters; control, bidi and invisible"
          + " characters escaped")
  String args;

  @Label("CPU %")
  @Description("Recent CPU use, percent of one CPU (100 = one full CPU)")
  double cpuPercent;

  @Label("CPU Time")
  @Description("User + system CPU time since the process started")
  @Timespan(Timespan.MILLISECONDS)
  long cpuTimeMillis;

  @Label("RSS")
  @DataAmount
  long rssBytes;

  @Label("Virtual Size")
  @DataAmount
  long vszBytes;

  @Label("Threads")
  int threads;

  @Label("Start Time")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  long startTimeMillis;
}
