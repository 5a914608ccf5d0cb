package dev.psinfo.probe;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The one list of a process's fields, and the one declaration of each: a constant names a component
 * of {@link ProcessInfo} (in the record's order), its Java type, how to read it, its "not
 * available" value and what it means (unit and "not available" value included). Everything that
 * lists or fills the fields — {@link ProcessInfo.Builder} (its storage, defaults and setters), the
 * JMX row type and its item descriptions, the CLI's CSV and JSON, the docs — is derived from this
 * list. The record component is the typed storage the constant's accessor links to at compile time;
 * a component without a constant fails this enum's initialization (no canonical constructor of
 * these types), and {@code ProcessFieldTest} says which.
 */
public enum ProcessField {
  PID(long.class, ProcessInfo::pid, -1L, "Process id"),
  PPID(
      long.class,
      ProcessInfo::ppid,
      -1L,
      "Parent process id (0 for the roots of the tree); -1: not available"),
  PGID(long.class, ProcessInfo::pgid, -1L, "Process group id; -1: not available"),
  SID(long.class, ProcessInfo::sid, -1L, "Session id; -1: not available"),
  UID(long.class, ProcessInfo::uid, -1L, "Real user id; -1: not available"),
  EUID(long.class, ProcessInfo::euid, -1L, "Effective user id; -1: not available"),
  GID(long.class, ProcessInfo::gid, -1L, "Real group id; -1: not available"),
  EGID(long.class, ProcessInfo::egid, -1L, "Effective group id; -1: not available"),
  USER(
      String.class,
      ProcessInfo::user,
      "",
      "The effective user's name, or the euid in decimal when no name is known; \"\": not"
          + " available"),
  NAME(
      String.class,
      ProcessInfo::name,
      "",
      "The executable's name (AIX pr_fname, Linux comm); \"\": not available"),
  ARGS(
      String.class,
      ProcessInfo::args,
      "",
      "The command line, space-joined, secrets masked; [name] for kernel processes; \"\": not"
          + " available"),
  ARGS_TRUNCATED(
      boolean.class,
      ProcessInfo::argsTruncated,
      false,
      "True when args may be cut short (AIX psinfo keeps 79 bytes; lines read from /proc/PID/as"
          + " stop at 64 KiB)"),
  STATE(
      ProcessState.class,
      ProcessInfo::state,
      ProcessState.OTHER,
      "Normalized state: RUNNING, SLEEPING, STOPPED, ZOMBIE, IDLE, SWAPPED or OTHER"),
  STATE_CODE(
      String.class,
      ProcessInfo::stateCode,
      "",
      "The OS's own state letter, e.g. S or R; \"\": not available"),
  THREADS(int.class, ProcessInfo::threads, -1, "Threads (0 for an AIX zombie); -1: not available"),
  PRIORITY(
      int.class,
      ProcessInfo::priority,
      ProcessInfo.UNAVAILABLE_SIGNED,
      "Scheduling priority as the OS reports it (Linux: negative for real-time); "
          + ProcessInfo.UNAVAILABLE_SIGNED
          + ": not available (outside every platform's range)"),
  NICE(
      int.class,
      ProcessInfo::nice,
      ProcessInfo.UNAVAILABLE_SIGNED,
      "Nice value as ps shows it (Linux -20..19; AIX 0..39, 20 by default); "
          + ProcessInfo.UNAVAILABLE_SIGNED
          + ": not available (e.g. an AIX zombie)"),
  RSS_BYTES(
      long.class, ProcessInfo::rssBytes, -1L, "Resident set size in bytes; -1: not available"),
  VSZ_BYTES(long.class, ProcessInfo::vszBytes, -1L, "Virtual size in bytes; -1: not available"),
  CPU_TIME_MILLIS(
      long.class,
      ProcessInfo::cpuTimeMillis,
      -1L,
      "CPU time used, user + system, in milliseconds; -1: not available"),
  USER_TIME_MILLIS(
      long.class,
      ProcessInfo::userTimeMillis,
      -1L,
      "User CPU time in milliseconds; -1: not available (only the sum is known)"),
  SYSTEM_TIME_MILLIS(
      long.class,
      ProcessInfo::systemTimeMillis,
      -1L,
      "System CPU time in milliseconds; -1: not available (only the sum is known)"),
  START_TIME_MILLIS(
      long.class,
      ProcessInfo::startTimeMillis,
      -1L,
      "Start time in milliseconds since the epoch; -1: not available"),
  VOLUNTARY_CTX_SWITCHES(
      long.class,
      ProcessInfo::voluntaryCtxSwitches,
      -1L,
      "Voluntary context switches of the main thread only (Linux); -1: not available"),
  INVOLUNTARY_CTX_SWITCHES(
      long.class,
      ProcessInfo::involuntaryCtxSwitches,
      -1L,
      "Involuntary context switches of the main thread only (Linux); -1: not available"),
  OPEN_FDS(
      long.class,
      ProcessInfo::openFds,
      -1L,
      "Open file descriptors (Linux, when readable); -1: not available"),
  READ_BYTES(
      long.class,
      ProcessInfo::readBytes,
      -1L,
      "Bytes read from storage (Linux /proc/PID/io, when readable); -1: not available"),
  WRITE_BYTES(
      long.class,
      ProcessInfo::writeBytes,
      -1L,
      "Bytes written to storage (Linux /proc/PID/io, when readable); -1: not available"),
  WPAR_ID(
      int.class,
      ProcessInfo::wparId,
      -1,
      "AIX workload partition (WPAR) id, pr_cid: 0 is the global environment; -1: not available"),
  WPAR(
      String.class,
      ProcessInfo::wpar,
      "",
      "AIX WPAR name: Global for id 0; \"\": not known or not available"),
  JAVA_MAIN(
      String.class,
      ProcessInfo::javaMain,
      "",
      "For a JVM (argv[0] named java, javaw or jsvc): the main class, the -jar file's name, the"
          + " -m module[/class], or @FILE when the main is in an unread argfile; \"\": not a JVM,"
          + " or not known (a command line cut short before or inside it, as AIX's 80 bytes of"
          + " psargs often are without fullArgs=true)"),
  FD_LIMIT(
      long.class,
      ProcessInfo::fdLimit,
      -1L,
      "Soft limit of open file descriptors (Linux /proc/PID/limits, Max open files), read only"
          + " for a process whose openFds is known; 9223372036854775807 (Long.MAX_VALUE) for"
          + " unlimited; -1: not available (AIX, openFds unknown, or limits unreadable)"),
  MAJOR_FAULTS(
      long.class,
      ProcessInfo::majorFaults,
      -1L,
      "Major page faults since the process started, all its threads (each one waited for a page"
          + " read from disk or swap; a rate of them means the process is paging), Linux"
          + " /proc/PID/stat majflt; -1: not available (AIX: psinfo and status have no fault"
          + " counts)");

  /** The record's canonical constructor, whose parameters are these fields in this order. */
  private static final MethodHandle CANONICAL;

  static {
    Class<?>[] types = Arrays.stream(values()).map(ProcessField::type).toArray(Class<?>[]::new);
    try {
      CANONICAL =
          MethodHandles.lookup()
              .findConstructor(ProcessInfo.class, MethodType.methodType(void.class, types));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The record's canonical constructor ({@code ProcessInfo.Builder} spreads its arrays over it):
   * one lookup for both.
   */
  static MethodHandle canonical() {
    return CANONICAL;
  }

  private final String itemName;
  private final Class<?> type;
  private final Function<ProcessInfo, Object> accessor;
  private final Object notAvailable;
  private final String description;

  ProcessField(
      Class<?> type,
      Function<ProcessInfo, Object> accessor,
      Object notAvailable,
      String description) {
    if (!MethodType.methodType(type).wrap().returnType().isInstance(notAvailable)) {
      throw new IllegalArgumentException(
          name() + ": not-available value " + notAvailable + " is not a " + type);
    }
    this.itemName = camelCase(name());
    this.type = type;
    this.accessor = accessor;
    this.notAvailable = notAvailable;
    this.description = description;
  }

  /** The field's name as the record component and the JMX item have it, e.g. {@code rssBytes}. */
  public String itemName() {
    return itemName;
  }

  /**
   * The component's Java type: {@code long.class}, {@code int.class}, {@code boolean.class}, {@code
   * String.class} or {@link ProcessState} (shown as its name outside Java).
   */
  public Class<?> type() {
    return type;
  }

  /**
   * The value a process has in this field when the platform does not have it or the agent could not
   * read it, boxed: {@code -1}, {@link ProcessInfo#UNAVAILABLE_SIGNED} (nice, priority), {@code
   * false}, {@code ""} or {@link ProcessState#OTHER}. What {@link ProcessInfo#builder} starts with
   * ({@link #PID} excepted: a row always has one).
   */
  public Object notAvailable() {
    return notAvailable;
  }

  /** What the value means, its unit and its "not available" value; one line. */
  public String description() {
    return description;
  }

  /** The field's value in {@code p}, boxed; a {@link ProcessState} for {@link #STATE}. */
  public Object get(ProcessInfo p) {
    return accessor.apply(p);
  }

  /**
   * A process from its field values in this enum's order (boxed; {@link #STATE} a {@link
   * ProcessState}): how a client turns a row it received back into a record.
   *
   * @throws IllegalArgumentException when a value is missing, of the wrong type, or invalid
   */
  public static ProcessInfo newProcessInfo(Object... values) {
    if (values.length != values().length) {
      throw new IllegalArgumentException(
          values().length + " field values expected, got " + values.length);
    }
    try {
      return (ProcessInfo) CANONICAL.invokeWithArguments(values);
    } catch (ClassCastException | NullPointerException | WrongMethodTypeException e) {
      throw new IllegalArgumentException("bad field value: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static String camelCase(String constant) {
    StringBuilder b = new StringBuilder(constant.length());
    boolean upper = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return b.toString();
  }
}
