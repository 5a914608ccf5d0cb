package dev.psinfo.jmx;

/**
 * One named group of processes ({@code group.NAME=REGEX}), registered as {@code
 * psinfo:type=ProcessGroup,name=NAME}. Its members are the processes the filters ({@code include},
 * {@code exclude}, {@code users}) show whose name or arguments match the group's regex and, with
 * {@code groupChildren=true}, every shown descendant of one ({@link
 * dev.psinfo.sampling.GroupMembers}); {@code maxRows} does not cut them. Every attribute of one
 * read comes from the same snapshot as the process table's, taken only when somebody reads. Sums
 * count a member's value only when it is available; every attribute is a plain number (or a {@code
 * long[]}) so that any JMX client, jmx_exporter and the OpenTelemetry agent read it.
 */
@Description(
    "A named group of processes (option group.NAME=REGEX): totals over its members in the same"
        + " snapshot as the process table")
public interface ProcessGroupMXBean {
  @Description("The regular expression matched against each process's name or arguments")
  String getRegex();

  @Description("Processes in the group now (the filters apply, maxRows does not)")
  int getProcessCount();

  @Description("Threads of the group's processes")
  long getThreadCount();

  @Description("Resident set sizes of the group's processes added up, in bytes")
  long getRssBytes();

  @Description("Virtual sizes of the group's processes added up, in bytes")
  long getVszBytes();

  @Description(
      "CPU time (user + system) the group's live processes have used, in milliseconds; drops when"
          + " a member exits")
  long getCpuTimeMillis();

  @Description("Recent CPU use of the group's processes added up (100 = one full CPU)")
  double getCpuPercent();

  @Description(
      "When the group's longest-running process started, in milliseconds since the epoch; -1 when"
          + " the group is empty")
  long getOldestStartTimeMillis();

  @Description(
      "The largest openFds/fdLimit over the group's processes (Linux: 1.0 means a member has as"
          + " many descriptors open as its soft limit allows); -1 when no member has both known")
  double getWorstFdRatio();

  @Description("The pids of the group's processes, ascending")
  long[] getPids();

  @Description("When the snapshot being served was taken, in milliseconds since the epoch")
  long getSnapshotTimeMillis();

  @Description(
      "How many processes the group should have (option expect.NAME=N); 0 when none is set")
  int getExpected();

  @Description("True when ProcessCount >= Expected (always true without expect.NAME)")
  boolean isUp();

  @Description(
      "Since when the group has been down (ProcessCount < Expected), in milliseconds since the"
          + " epoch (the snapshot that first saw it down); -1 while up")
  long getDownSinceMillis();

  @Description(
      "Members that started after the group's first snapshot (a counter: never goes down;"
          + " counted at each read and, while someone listens, each eventInterval: a member that"
          + " starts and exits between two of them is not counted)")
  long getRestarts();

  @Description(
      "When the most recently started member seen started, in milliseconds since the epoch; -1"
          + " when no member was ever seen")
  long getLastStartMillis();
}
