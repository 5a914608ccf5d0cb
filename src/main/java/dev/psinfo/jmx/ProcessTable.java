package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.PsText;
import dev.psinfo.sampling.RegexTooExpensiveException;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.ImmutableDescriptor;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanRegistration;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfo;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfo;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;

/**
 * The host's process table, registered as {@code psinfo:type=ProcessTable}: an open MBean whose
 * {@code Processes} attribute is a flat {@link TabularData} of {@link ProcessRows#ROW_TYPE} rows
 * indexed by {@code pid}, {@code name}, {@code user}, and whose operations return rows of the same
 * type. Every attribute and operation answers from one snapshot; the open data of a snapshot is
 * built once, on its first read, and served to every read until the next scan. Thread-safe. A bad
 * argument gets an {@link IllegalArgumentException} that says what was wrong; a scan failure with
 * no snapshot to fall back on gets an {@link IllegalStateException} naming the cause.
 */
public final class ProcessTable
    implements DynamicMBean, NotificationEmitter, MBeanRegistration, ProcessTableOperations {
  /** How long {@link #find} may search before it gives up (a large pattern over long arguments). */
  static final Duration FIND_TIME_LIMIT = Duration.ofSeconds(5);

  private static final MBeanInfo INFO = mbeanInfo();

  private final ProcessSampler sampler;
  private final int maxRows;
  private final ExportOrder exportTop;
  private final UserPattern pin;
  private final ProcessEvents events;
  private volatile ObjectName name;

  /** The open data of the latest snapshot read; replaced only by a newer snapshot's. */
  private volatile Served served;

  /**
   * One snapshot's open data, each part built on its first read and then shared by every reader of
   * that snapshot (concurrent readers wait for the one build instead of building their own).
   */
  private final class Served {
    private final Snapshot snapshot;
    private List<ProcessSample> shown;
    private CompositeData[] rows;
    private TabularData processes;
    private TabularData metrics;
    private TabularData users;

    Served(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    Snapshot snapshot() {
      return snapshot;
    }

    /** The samples {@code Processes} holds (cut to maxRows, pins kept), in pid order. */
    synchronized List<ProcessSample> shown() {
      if (shown == null) {
        shown = ProcessTable.this.processes(snapshot);
      }
      return shown;
    }

    /** One full row per sample of the snapshot, in its (ascending pid) order. */
    synchronized CompositeData[] rows() {
      if (rows == null) {
        List<ProcessSample> samples = snapshot.samples();
        CompositeData[] built = new CompositeData[samples.size()];
        for (int i = 0; i < built.length; i++) {
          built[i] = ProcessRows.row(samples.get(i));
        }
        rows = built;
      }
      return rows;
    }

    synchronized TabularData processes() {
      if (processes == null) {
        processes = new LightTable(rowsOf(snapshot, rows(), shown()));
      }
      return processes;
    }

    /** The narrow exporter rows of the same samples as {@link #processes()}. */
    synchronized TabularData metrics() {
      if (metrics == null) {
        List<ProcessSample> samples = shown();
        CompositeData[] out = new CompositeData[samples.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = ProcessMetricRows.row(samples.get(i));
        }
        metrics = new LightTable(ProcessMetricRows.TABLE_TYPE, out);
      }
      return metrics;
    }

    synchronized TabularData users() {
      if (users == null) {
        users = UserTotals.of(snapshot);
      }
      return users;
    }
  }

  /**
   * @param sampler where the snapshots come from
   * @param maxRows at most this many rows per read; 0 for no limit
   * @param exportTop which rows {@code Processes} keeps when {@code maxRows} cuts it
   */
  public ProcessTable(ProcessSampler sampler, int maxRows, ExportOrder exportTop) {
    this(sampler, maxRows, exportTop, null);
  }

  /**
   * @param sampler where the snapshots come from
   * @param maxRows at most this many rows per read, not counting pinned rows; 0 for no limit
   * @param exportTop which rows {@code Processes} keeps when {@code maxRows} cuts it
   * @param pin processes whose name or arguments match are in {@code Processes} even when {@code
   *     maxRows} cuts them; null: none
   */
  public ProcessTable(ProcessSampler sampler, int maxRows, ExportOrder exportTop, UserPattern pin) {
    this(sampler, maxRows, exportTop, pin, Duration.ofSeconds(5));
  }

  /**
   * @param sampler where the snapshots come from
   * @param maxRows at most this many rows per read, not counting pinned rows; 0 for no limit
   * @param exportTop which rows {@code Processes} keeps when {@code maxRows} cuts it
   * @param pin processes whose name or arguments match are in {@code Processes} even when {@code
   *     maxRows} cuts them; null: none
   * @param eventInterval how often snapshots are compared for notifications while someone listens
   */
  public ProcessTable(
      ProcessSampler sampler,
      int maxRows,
      ExportOrder exportTop,
      UserPattern pin,
      Duration eventInterval) {
    this.pin = pin;
    this.events =
        new ProcessEvents(
            () -> served().rows(),
            eventInterval,
            // never this object: a notification's source must be serialisable
            () -> name == null ? ProcessTableClient.NAME : name);
    this.sampler = requireNonNull(sampler, "sampler is null");
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
    }
    this.maxRows = maxRows;
    this.exportTop = requireNonNull(exportTop, "exportTop is null");
  }

  // ---- typed access (in this JVM) ----

  @Override
  public List<ProcessSample> processes() {
    return processes(snapshot());
  }

  @Override
  public int processCount() {
    return snapshot().samples().size();
  }

  @Override
  public long snapshotTimeMillis() {
    return snapshot().scan().wallTimeMillis();
  }

  @Override
  public List<ProcessSample> topByCpu(int n) {
    return cut(snapshot().topByCpu(checkCount(n)));
  }

  @Override
  public List<ProcessSample> topByMemory(int n) {
    return cut(snapshot().topByMemory(checkCount(n)));
  }

  @Override
  public ProcessSample process(long pid) {
    return process(snapshot(), pid);
  }

  @Override
  public List<ProcessSample> find(String regex) {
    return find(snapshot(), regex);
  }

  @Override
  public List<ProcessSample> byUser(String user) {
    return byUser(snapshot(), user);
  }

  @Override
  public List<ProcessSample> children(long pid) {
    return children(snapshot(), pid);
  }

  @Override
  public String psText(String sortBy, int rows) {
    return psText(snapshot(), sortBy, rows);
  }

  /** The snapshot's rows as ps-like text, sorted, cut to {@code rows} (0: all) and maxRows. */
  private String psText(Snapshot s, String sortBy, int rows) {
    PsText.Sort sort = PsText.Sort.of(sortBy);
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 (all) or more: " + rows);
    }
    List<ProcessSample> shown = cut(PsText.sortAndLimit(s.samples(), sort, rows));
    List<String> lines = PsText.ps(shown, s.scan().wallTimeMillis(), ZoneId.systemDefault(), 0);
    return String.join("\n", lines) + "\n";
  }

  @Override
  public int refresh() {
    try {
      return sampler.refresh().samples().size();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static ProcessSample process(Snapshot s, long pid) {
    checkPid(pid);
    ProcessSample sample = s.byPid(pid);
    if (sample == null) {
      throw new IllegalArgumentException(
          "no process with pid " + pid + " in the snapshot (" + s.samples().size() + " shown)");
    }
    return sample;
  }

  private List<ProcessSample> find(Snapshot s, String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException("regex must not be empty");
    }
    UserPattern pattern = UserPattern.compile(regex);
    try {
      return cut(s.find(pattern, FIND_TIME_LIMIT));
    } catch (RegexTooExpensiveException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private List<ProcessSample> byUser(Snapshot s, String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must be a user name or a numeric uid, not empty");
    }
    return cut(s.byUser(user.trim()));
  }

  private List<ProcessSample> children(Snapshot s, long pid) {
    checkPid(pid);
    boolean exists = s.scan().processes().stream().anyMatch(p -> p.pid() == pid);
    if (!exists) {
      throw new IllegalArgumentException("no process with pid " + pid + " in the snapshot");
    }
    return cut(s.descendants(pid));
  }

  private Snapshot snapshot() {
    try {
      return sampler.snapshot();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static IllegalStateException unavailable(RuntimeException e) {
    // only a plain JDK exception travels to every JMX client; the cause stays in the agent's log
    return new IllegalStateException("process table unavailable: " + e.getMessage());
  }

  private static void checkPid(long pid) {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
  }

  private int checkCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be 1 or more: " + n);
    }
    return maxRows > 0 ? Math.min(n, maxRows) : n;
  }

  private List<ProcessSample> cut(List<ProcessSample> samples) {
    return maxRows > 0 && samples.size() > maxRows ? samples.subList(0, maxRows) : samples;
  }

  // ---- the open MBean ----

  /**
   * The open data of the snapshot being served; its parts are built on their first read of that
   * snapshot.
   */
  private Served served() {
    Snapshot s = snapshot();
    Served v = served;
    if (v != null && v.snapshot() == s) {
      return v;
    }
    synchronized (this) {
      v = served;
      if (v != null && v.snapshot() == s) {
        return v;
      }
      Served made = new Served(s);
      if (v == null || v.snapshot().sequence() <= s.sequence()) {
        served = made;
      }
      return made;
    }
  }

  private List<ProcessSample> processes(Snapshot s) {
    List<ProcessSample> rows = s.samples();
    if (maxRows > 0 && rows.size() > maxRows) {
      rows =
          new ArrayList<>(
              exportTop == ExportOrder.MEMORY ? s.topByMemory(maxRows) : s.topByCpu(maxRows));
      if (pin != null) {
        Set<Long> kept = new HashSet<>();
        rows.forEach(r -> kept.add(r.info().pid()));
        for (ProcessSample p : s.samples()) {
          if (!kept.contains(p.info().pid()) && ProcessFilter.matches(pin, p)) {
            rows.add(p);
          }
        }
      }
      rows.sort((a, b) -> Long.compare(a.info().pid(), b.info().pid()));
    }
    return rows;
  }

  private static CompositeData[] rowsOf(Served v, List<ProcessSample> samples) {
    return rowsOf(v.snapshot(), v.rows(), samples);
  }

  /**
   * The built rows of these samples of {@code s}, in the same order.
   *
   * @param rows the rows of all of {@code s}'s samples, in its order
   */
  private static CompositeData[] rowsOf(
      Snapshot s, CompositeData[] rows, List<ProcessSample> samples) {
    if (samples == s.samples()) {
      return rows.clone();
    }
    CompositeData[] out = new CompositeData[samples.size()];
    for (int i = 0; i < out.length; i++) {
      // every sample asked for is one of s's own
      out[i] = rows[s.indexOf(samples.get(i).info().pid())];
    }
    return out;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    if (attribute == null) {
      throw new AttributeNotFoundException("attribute name is null");
    }
    return switch (attribute) {
      case "Processes" -> served().processes();
      case "ProcessMetrics" -> served().metrics();
      case "Users" -> served().users();
      case "ProcessCount" -> processCount();
      case "SnapshotTimeMillis" -> snapshotTimeMillis();
      case "DroppedNotifications" -> events.dropped();
      default -> throw new AttributeNotFoundException("no attribute " + attribute);
    };
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(
        "every attribute of psinfo:type=ProcessTable is read-only: "
            + (attribute == null ? null : attribute.getName()));
  }

  /** Every attribute of one call comes from one snapshot (see {@link ProcessSampler#answer}). */
  @Override
  public AttributeList getAttributes(String[] attributes) {
    return sampler.answer(
        () -> {
          AttributeList list = new AttributeList();
          for (String name : attributes) {
            try {
              list.add(new Attribute(name, getAttribute(name)));
            } catch (AttributeNotFoundException | RuntimeException e) {
              // as the JMX contract says: attributes that cannot be read are left out
            }
          }
          return list;
        });
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String op, Object[] params, String[] signature) throws ReflectionException {
    Object[] p = params == null ? new Object[0] : params;
    if ("refresh".equals(op) && p.length == 0) {
      return refresh();
    }
    if ("psText".equals(op) && p.length == 2) {
      return psText(served().snapshot(), stringArg(p[0], "sortBy"), intArg(p[1], "rows"));
    }
    if (op == null || p.length != 1) {
      throw noSuchOperation(op, p);
    }
    Served v = served();
    Snapshot s = v.snapshot();
    return switch (op) {
      case "topByCpu" -> rowsOf(v, cut(s.topByCpu(checkCount(intArg(p[0], "n")))));
      case "topByMemory" -> rowsOf(v, cut(s.topByMemory(checkCount(intArg(p[0], "n")))));
      case "process" -> rowsOf(v, List.of(process(s, longArg(p[0], "pid"))))[0];
      case "find" -> rowsOf(v, find(s, stringArg(p[0], "regex")));
      case "byUser" -> rowsOf(v, byUser(s, stringArg(p[0], "user")));
      case "children" -> rowsOf(v, children(s, longArg(p[0], "pid")));
      default -> throw noSuchOperation(op, p);
    };
  }

  private static ReflectionException noSuchOperation(String op, Object[] params) {
    return new ReflectionException(
        new NoSuchMethodException(op + " with " + params.length + " parameter(s)"),
        "no operation " + op + " with " + params.length + " parameter(s)");
  }

  private static int intArg(Object v, String name) {
    if (v instanceof Integer i) {
      return i;
    }
    throw new IllegalArgumentException(name + " must be an int: " + v);
  }

  private static long longArg(Object v, String name) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i;
    }
    throw new IllegalArgumentException(name + " must be a long: " + v);
  }

  private static String stringArg(Object v, String name) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new IllegalArgumentException(name + " must be a String: " + v);
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    return INFO;
  }

  // ---- notifications: psinfo.process.started / psinfo.process.exited ----

  /** The first listener starts the poller (see {@link ProcessEvents}). */
  @Override
  public void addNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback) {
    events.add(listener, filter, handback);
  }

  /** Removing the last listener stops the poller. */
  @Override
  public void removeNotificationListener(NotificationListener listener)
      throws ListenerNotFoundException {
    events.remove(listener);
  }

  @Override
  public void removeNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback)
      throws ListenerNotFoundException {
    events.remove(listener, filter, handback);
  }

  @Override
  public MBeanNotificationInfo[] getNotificationInfo() {
    return new MBeanNotificationInfo[] {ProcessEvents.INFO};
  }

  /** The notifications' poller and queues (for tests). */
  ProcessEvents events() {
    return events;
  }

  /**
   * Compares snapshots for notifications every {@code eventInterval} from the poller's next wait on
   * (a live option: {@code attach}).
   */
  public void setEventInterval(Duration eventInterval) {
    events.setInterval(eventInterval);
  }

  /** How often snapshots are compared for notifications while someone listens. */
  public Duration eventInterval() {
    return events.interval();
  }

  /** True while start/exit notifications are being looked for (someone listens). */
  boolean polling() {
    return events.polling();
  }

  @Override
  public ObjectName preRegister(MBeanServer server, ObjectName name) {
    this.name = name;
    return name;
  }

  @Override
  public void postRegister(Boolean registrationDone) {
    // nothing to do
  }

  @Override
  public void preDeregister() {
    // nothing to do
  }

  /** Unregistered: the poller stops even if a listener forgot to leave. */
  @Override
  public void postDeregister() {
    events.stop();
  }

  private static MBeanInfo mbeanInfo() {
    ImmutableDescriptor immutable = new ImmutableDescriptor("immutableInfo=true");
    OpenMBeanAttributeInfo[] attributes = {
      new OpenMBeanAttributeInfoSupport(
          "Processes",
          "One row per process, indexed by pid, name and user; every field is an item of the row."
              + " Units are in the item names; -1, "
              + ProcessInfo.UNAVAILABLE_SIGNED
              + " (nice, priority) or \"\" means not available here. When maxRows is set, only"
              + " the top rows by exportTop (cpu or memory) are returned, plus the rows the pin"
              + " option matches",
          ProcessRows.TABLE_TYPE,
          true,
          false,
          false),
      new OpenMBeanAttributeInfoSupport(
          "ProcessMetrics",
          "The rows of Processes (the same processes, maxRows and pin applied) with only the"
              + " numbers jmx_exporter turns into series: pid, name, user, rssBytes, vszBytes,"
              + " cpuTimeMillis, threads, startTimeMillis; a value not available here is absent"
              + " (null) instead of -1. For exporters: no command line to walk",
          ProcessMetricRows.TABLE_TYPE,
          true,
          false,
          false),
      new OpenMBeanAttributeInfoSupport(
          "Users",
          "One row per effective user over the processes the filters show (before maxRows):"
              + " processCount, threadCount, rssBytes, vszBytes, cpuTimeMillis, cpuPercent;"
              + " indexed by user",
          UserTotals.TABLE_TYPE,
          true,
          false,
          false),
      new OpenMBeanAttributeInfoSupport(
          "ProcessCount",
          "Number of processes the filters show (before maxRows cuts the Processes table)",
          SimpleType.INTEGER,
          true,
          false,
          false),
      new OpenMBeanAttributeInfoSupport(
          "SnapshotTimeMillis",
          "When the snapshot being served was taken, in milliseconds since the epoch",
          SimpleType.LONG,
          true,
          false,
          false),
      new OpenMBeanAttributeInfoSupport(
          "DroppedNotifications",
          "Start/exit notifications not delivered since the agent started because a listener fell"
              + " behind: each listener has a queue of at most "
              + ProcessEvents.QUEUE
              + " notifications and "
              + ProcessEvents.QUEUE_BYTES / (1024 * 1024)
              + " MB; reading it never scans",
          SimpleType.LONG,
          true,
          false,
          false),
    };
    OpenMBeanOperationInfo[] operations = {
      // in the order the MXBean version had, which JConsole users (and its pictures) know
      rowsOperation(
          "find",
          "Processes whose name or arguments contain a match for the regular expression",
          parameter(
              "regex",
              "an RE2 pattern (Java syntax without backreferences or lookaround), at most 4096"
                  + " characters, e.g. java|sshd",
              SimpleType.STRING)),
      operation(
          "process",
          "The process with this pid; fails when it is not in the current snapshot",
          ProcessRows.ROW_TYPE,
          MBeanOperationInfo.INFO,
          parameter("pid", "process id", SimpleType.LONG)),
      rowsOperation(
          "children",
          "Every descendant of the process (children, grandchildren, ...), by pid",
          parameter("pid", "the ancestor's process id", SimpleType.LONG)),
      rowsOperation(
          "topByCpu",
          "The n processes with the highest recent CPU use (cpuPercent: percent of one CPU since"
              + " the previous scan), highest first",
          parameter("n", "how many rows, 1 or more", SimpleType.INTEGER)),
      rowsOperation(
          "topByMemory",
          "The n processes with the largest resident set (rssBytes), largest first",
          parameter("n", "how many rows, 1 or more", SimpleType.INTEGER)),
      rowsOperation(
          "byUser",
          "Processes whose effective user has this name (or this numeric uid)",
          parameter("user", "a user name or a numeric uid", SimpleType.STRING)),
      operation(
          "psText",
          "The table as ps-like text (PID PPID USER %CPU RSS VSZ THR NI S START TIME COMMAND, one"
              + " line per process, sizes in K/M/G, START in the agent host's time zone), for"
              + " jmxterm and scripts; maxRows still applies",
          SimpleType.STRING,
          MBeanOperationInfo.INFO,
          parameter("sortBy", "cpu, rss (or memory) or pid", SimpleType.STRING),
          parameter("rows", "at most this many processes; 0 for all", SimpleType.INTEGER)),
      operation(
          "refresh",
          "Scans the process table now instead of waiting for the ttl (at most once a second, or"
              + " once per ttl if shorter; concurrent calls share one scan); returns ProcessCount",
          SimpleType.INTEGER,
          MBeanOperationInfo.ACTION_INFO),
    };
    return new OpenMBeanInfoSupport(
        ProcessTable.class.getName(),
        "The host's process table, read from /proc on demand; every value of one read comes from"
            + " the same scan",
        attributes,
        new OpenMBeanConstructorInfo[0],
        operations,
        new MBeanNotificationInfo[] {ProcessEvents.INFO},
        immutable);
  }

  private static OpenMBeanOperationInfo rowsOperation(
      String name, String description, OpenMBeanParameterInfo parameter) {
    return operation(
        name, description, ProcessRows.ROW_ARRAY_TYPE, MBeanOperationInfo.INFO, parameter);
  }

  private static OpenMBeanOperationInfo operation(
      String name,
      String description,
      OpenType<?> returns,
      int impact,
      OpenMBeanParameterInfo... parameters) {
    return new OpenMBeanOperationInfoSupport(
        name, description, parameters, returns, impact, ImmutableDescriptor.EMPTY_DESCRIPTOR);
  }

  private static OpenMBeanParameterInfo parameter(
      String name, String description, OpenType<?> type) {
    return new OpenMBeanParameterInfoSupport(name, description, type);
  }
}
