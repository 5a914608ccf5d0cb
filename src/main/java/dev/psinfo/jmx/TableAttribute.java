package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.Snapshot;
import java.util.List;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;

/**
 * One attribute of {@code psinfo:type=ProcessTable}, declared once: its name, open type,
 * description and the reader that answers it. Everything else is derived from the declarations in
 * {@link #ALL}: the bean's {@code MBeanInfo} attributes ({@link #info}), its {@code getAttribute}
 * and {@code getAttributes} (found by {@link #find}, answered by {@link #read}), and the reads of
 * {@link ProcessTableClient} ({@link ProcessTableOperations#read}). Every attribute is read-only. A
 * new attribute is one more constant here, added to {@link #ALL}, and its tests (the pinned {@code
 * testdata/jmx/process-table-mbeaninfo.txt} gains its lines).
 *
 * @param <T> the attribute's value: a {@link TabularData}, an Integer or a Long (its open type's
 *     Java class)
 */
public final class TableAttribute<T> {
  /**
   * What a reader may use: the parts of one read of the table. Each part is taken on its first use
   * and shared by the rest of that read, so a read that does not need the snapshot never scans.
   */
  interface Table {
    /** The snapshot being served. */
    Snapshot snapshot();

    /** The served snapshot's {@code Processes} table (cut to maxRows, pins kept). */
    TabularData processes();

    /** The exporter's narrow rows of the same samples as {@link #processes()}. */
    TabularData metrics();

    /** The served snapshot's per-user totals. */
    TabularData users();

    /** Start/exit notifications not delivered since the agent started; never scans. */
    long droppedNotifications();
  }

  /** Answers one read of the attribute. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Table table);
  }

  public static final TableAttribute<TabularData> PROCESSES =
      new TableAttribute<>(
          "Processes",
          ProcessRows.TABLE_TYPE,
          "One row per process, indexed by pid, name and user; every field is an item of the row."
              + " Units are in the item names; -1, "
              + ProcessInfo.UNAVAILABLE_SIGNED
              + " (nice, priority) or \"\" means not available here. When maxRows is set, only"
              + " the top rows by exportTop (cpu or memory) are returned, plus the rows the pin"
              + " option matches",
          Table::processes);

  public static final TableAttribute<TabularData> PROCESS_METRICS =
      new TableAttribute<>(
          "ProcessMetrics",
          ProcessMetricRows.TABLE_TYPE,
          "The rows of Processes (the same processes, maxRows and pin applied) with only the"
              + " numbers jmx_exporter turns into series: pid, name, user, rssBytes, vszBytes,"
              + " cpuTimeMillis, threads, startTimeMillis; a value not available here is absent"
              + " (null) instead of -1. For exporters: no command line to walk",
          Table::metrics);

  public static final TableAttribute<TabularData> USERS =
      new TableAttribute<>(
          "Users",
          UserTotals.TABLE_TYPE,
          "One row per effective user over the processes the filters show (before maxRows):"
              + " processCount, threadCount, rssBytes, vszBytes, cpuTimeMillis, cpuPercent;"
              + " indexed by user",
          Table::users);

  public static final TableAttribute<Integer> PROCESS_COUNT =
      new TableAttribute<>(
          "ProcessCount",
          SimpleType.INTEGER,
          "Number of processes the filters show (before maxRows cuts the Processes table)",
          t -> t.snapshot().samples().size());

  public static final TableAttribute<Long> SNAPSHOT_TIME_MILLIS =
      new TableAttribute<>(
          "SnapshotTimeMillis",
          SimpleType.LONG,
          "When the snapshot being served was taken, in milliseconds since the epoch",
          t -> t.snapshot().scan().wallTimeMillis());

  public static final TableAttribute<Long> DROPPED_NOTIFICATIONS =
      new TableAttribute<>(
          "DroppedNotifications",
          SimpleType.LONG,
          "Start/exit notifications not delivered since the agent started because a listener fell"
              + " behind: each listener has a queue of at most "
              + ProcessEvents.QUEUE
              + " notifications and "
              + ProcessEvents.QUEUE_BYTES / (1024 * 1024)
              + " MB; reading it never scans",
          Table::droppedNotifications);

  /** Every attribute of the bean, in the order its {@code MBeanInfo} lists them. */
  public static final List<TableAttribute<?>> ALL =
      List.of(
          PROCESSES,
          PROCESS_METRICS,
          USERS,
          PROCESS_COUNT,
          SNAPSHOT_TIME_MILLIS,
          DROPPED_NOTIFICATIONS);

  private final String name;
  private final OpenType<T> type;
  private final String description;
  private final Reader<T> reader;

  /** The open type's Java class: what a client's value is checked against. */
  private final Class<?> javaType;

  private TableAttribute(String name, OpenType<T> type, String description, Reader<T> reader) {
    this.name = requireNonNull(name, "name is null");
    this.type = requireNonNull(type, "type is null");
    this.description = requireNonNull(description, "description is null");
    this.reader = requireNonNull(reader, "reader is null");
    try {
      this.javaType = Class.forName(type.getClassName());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no Java class for " + type, e);
    }
  }

  /** The attribute's name on the wire. */
  public String name() {
    return name;
  }

  /** The attribute's open type. */
  public OpenType<T> type() {
    return type;
  }

  /** The attribute {@code name} (case matters, as in JMX), or null. */
  static TableAttribute<?> find(String name) {
    for (TableAttribute<?> a : ALL) {
      if (a.name.equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** The names of {@link #ALL}, in order, comma-separated: for messages. */
  static String names() {
    return String.join(", ", ALL.stream().map(TableAttribute::name).toList());
  }

  /** The attribute's value in {@code table}'s read. */
  T read(Table table) {
    return reader.read(table);
  }

  /**
   * The value a client received for this attribute, as its Java type.
   *
   * @throws IllegalStateException when it is not of that type (an agent that is no psinfo-jmx)
   */
  @SuppressWarnings("unchecked") // the open type's Java class is T
  T cast(Object value) {
    if (value != null && !javaType.isInstance(value)) {
      throw new IllegalStateException(
          name + " is a " + value.getClass().getName() + ", not a " + javaType.getName());
    }
    return (T) value;
  }

  /** The attribute as the bean's {@code MBeanInfo} lists it: readable, not writable, no "is". */
  OpenMBeanAttributeInfo info() {
    return new OpenMBeanAttributeInfoSupport(name, description, type, true, false, false);
  }

  @Override
  public String toString() {
    return name;
  }
}
