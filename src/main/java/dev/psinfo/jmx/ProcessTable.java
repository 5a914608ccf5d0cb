package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.UserPattern;
import dev.psinfo.host.ProcessQueries;
import dev.psinfo.host.TablePolicy;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanRegistration;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanConstructorInfo;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.TabularData;

/**
 * The host's process table, registered as {@code psinfo:type=ProcessTable}: an open MBean whose
 * {@code Processes} attribute is a flat {@link TabularData} of {@link ProcessRows#ROW_TYPE} rows
 * indexed by {@code pid}, {@code name}, {@code user}, and whose operations return rows of the same
 * type. An adapter: which rows a read shows and what each operation answers is the host model's
 * ({@link TablePolicy}, {@link ProcessQueries}); the attributes are declared once in {@link
 * TableAttribute} and the operations in {@link TableOperation}, and this bean's {@code MBeanInfo},
 * {@code getAttribute}, {@code getAttributes} and {@code invoke} are derived from them. Every
 * attribute and operation answers from one snapshot; the open data of a snapshot is built once, on
 * its first read, and served to every read until the next scan. Thread-safe. A bad argument gets an
 * {@link IllegalArgumentException} that says what was wrong; a scan failure with no snapshot to
 * fall back on gets an {@link IllegalStateException} naming the cause.
 */
public final class ProcessTable
    implements DynamicMBean, ForwardingEmitter, MBeanRegistration, ProcessTableOperations {
  private static final MBeanInfo INFO = mbeanInfo();

  private final ProcessSampler sampler;
  private final TablePolicy policy;
  private final ProcessEvents events;
  private final NotificationEmitter emitter;
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
        shown = policy.table(snapshot);
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
    this(sampler, new TablePolicy(maxRows, exportTop, pin), eventInterval);
  }

  /**
   * @param sampler where the snapshots come from
   * @param policy which rows a read shows (maxRows, exportTop, pin)
   * @param eventInterval how often snapshots are compared for notifications while someone listens
   */
  public ProcessTable(ProcessSampler sampler, TablePolicy policy, Duration eventInterval) {
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.events =
        new ProcessEvents(
            () -> served().rows(),
            eventInterval,
            // never this object: a notification's source must be serialisable
            () -> name == null ? ProcessTableClient.NAME : name);
    this.emitter = events.emitter(ProcessEvents.INFO);
  }

  // ---- typed access (in this JVM) ----

  @Override
  public List<ProcessSample> processes() {
    return policy.table(snapshot());
  }

  @Override
  public <R> R call(TableOperation<R> operation, Object... arguments) {
    return operation.answer(new Read(), operation.arguments(arguments));
  }

  @Override
  public <T> T read(TableAttribute<T> attribute) {
    return attribute.read(new Read());
  }

  /**
   * One read of the bean (an attribute, one {@code getAttributes} call, one operation call): the
   * snapshot it answers from is taken on its first question and kept for the rest of it; a read
   * that asks no question of the snapshot takes none.
   */
  private final class Read implements TableOperation.Table, TableAttribute.Table {
    private Served answering;

    /** The served snapshot this read answers from, the same for each question. */
    Served served() {
      if (answering == null) {
        answering = ProcessTable.this.served();
      }
      return answering;
    }

    @Override
    public ProcessQueries queries() {
      return policy.queries(served().snapshot());
    }

    @Override
    public int refresh() {
      try {
        return sampler.refresh().samples().size();
      } catch (RuntimeException e) {
        throw unavailable(e);
      }
    }

    @Override
    public Snapshot snapshot() {
      return served().snapshot();
    }

    @Override
    public TabularData processes() {
      return served().processes();
    }

    @Override
    public TabularData metrics() {
      return served().metrics();
    }

    @Override
    public TabularData users() {
      return served().users();
    }

    @Override
    public long droppedNotifications() {
      return events.dropped();
    }
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

  /** The built rows of these samples of the served snapshot, in the same order. */
  private static CompositeData[] rowsOf(Served v, List<?> samples) {
    return rowsOf(v.snapshot(), v.rows(), samples);
  }

  /**
   * The built rows of these samples of {@code s}, in the same order.
   *
   * @param rows the rows of all of {@code s}'s samples, in its order
   */
  private static CompositeData[] rowsOf(Snapshot s, CompositeData[] rows, List<?> samples) {
    if (samples == s.samples()) {
      return rows.clone();
    }
    CompositeData[] out = new CompositeData[samples.size()];
    for (int i = 0; i < out.length; i++) {
      // every sample asked for is one of s's own
      out[i] = rows[s.indexOf(((ProcessSample) samples.get(i)).info().pid())];
    }
    return out;
  }

  /** Reads the attribute declared in {@link TableAttribute#ALL} under this name. */
  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    return declared(attribute).read(new Read());
  }

  /** The declaration of {@code attribute}, or an exception that names the ones there are. */
  private static TableAttribute<?> declared(String attribute) throws AttributeNotFoundException {
    if (attribute == null) {
      throw new AttributeNotFoundException("attribute name is null");
    }
    TableAttribute<?> declared = TableAttribute.find(attribute);
    if (declared == null) {
      throw new AttributeNotFoundException(
          "no attribute " + attribute + "; psinfo:type=ProcessTable has " + TableAttribute.names());
    }
    return declared;
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    String name = attribute == null ? null : attribute.getName();
    declared(name);
    throw new AttributeNotFoundException(
        "every attribute of psinfo:type=ProcessTable is read-only: " + name);
  }

  /**
   * Every attribute of one call comes from one snapshot, taken only if one of them needs it (see
   * {@link Read}); an attribute that cannot be read is left out, as the JMX contract says.
   */
  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList list = new AttributeList();
    if (attributes == null) {
      return list;
    }
    Read read = new Read();
    for (String name : attributes) {
      try {
        list.add(new Attribute(name, declared(name).read(read)));
      } catch (AttributeNotFoundException | RuntimeException e) {
        // left out
      }
    }
    return list;
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  /**
   * Calls the operation {@code op} declared in {@link TableOperation#ALL} with as many parameters
   * as {@code params} holds (the signature is not looked at: an older client's {@code int}, {@code
   * long} or {@code java.lang.Integer} all work); rows are answered from the served snapshot's open
   * data.
   */
  @Override
  public Object invoke(String op, Object[] params, String[] signature) throws ReflectionException {
    Object[] p = params == null ? new Object[0] : params;
    TableOperation<?> operation = op == null ? null : TableOperation.find(op, p.length);
    if (operation == null) {
      throw noSuchOperation(op, p);
    }
    Read call = new Read();
    Object answer = operation.answer(call, operation.arguments(p));
    return switch (operation.returns()) {
      case ROWS -> rowsOf(call.served(), (List<?>) answer);
      case ROW -> rowsOf(call.served(), List.of(answer))[0];
      case STRING, INTEGER -> answer;
    };
  }

  private static ReflectionException noSuchOperation(String op, Object[] params) {
    return new ReflectionException(
        new NoSuchMethodException(op + " with " + params.length + " parameter(s)"),
        "no operation " + op + " with " + params.length + " parameter(s)");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    return INFO;
  }

  // ---- notifications: psinfo.process.started / psinfo.process.exited ----

  /**
   * The process events: the first listener starts the poller, the last one to leave stops it (see
   * {@link ProcessEvents}).
   */
  @Override
  public NotificationEmitter emitter() {
    return emitter;
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
    OpenMBeanAttributeInfo[] attributes =
        TableAttribute.ALL.stream()
            .map(TableAttribute::info)
            .toArray(OpenMBeanAttributeInfo[]::new);
    OpenMBeanOperationInfo[] operations =
        TableOperation.ALL.stream()
            .map(TableOperation::info)
            .toArray(OpenMBeanOperationInfo[]::new);
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
}
