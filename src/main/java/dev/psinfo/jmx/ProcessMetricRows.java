package dev.psinfo.jmx;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularType;

/**
 * The open types of the {@code ProcessMetrics} attribute: the exporter's narrow view of the {@code
 * Processes} rows. Each row holds the index ({@code pid}, {@code name}, {@code user}) and only the
 * numbers {@code jmx-config/psinfo.yaml} turns into series ({@code rssBytes}, {@code vszBytes},
 * {@code cpuTimeMillis}, {@code threads}, {@code startTimeMillis}), so jmx_exporter walks 5 values
 * per process instead of 28, and no command line ever reaches its rules. A value the platform does
 * not have is {@code null} (jmx_exporter skips it: no sample), never {@code -1}.
 *
 * <p>{@code name} and {@code user} become Prometheus labels, which people read on a terminal
 * ({@code curl …/metrics}) and in dashboards, and a local user names their own process: here they
 * are escaped by {@link Printable#escape} (an escape sequence, a bidi override or an invisible
 * character reads as a visible escape). {@code Processes} keeps the exact text.
 */
public final class ProcessMetricRows {
  private static final String ABSENT = "; absent (null) when not available";
  private static final String ESCAPED = "; control, bidi and invisible characters escaped";

  /**
   * The row's items, each declared once, the index first: a {@link ProcessField} (whose name, type
   * and value the item has) with its description in this narrow row.
   */
  private static final List<Map.Entry<ProcessField, String>> METRICS =
      List.of(
          Map.entry(ProcessField.PID, "Process id"),
          Map.entry(ProcessField.NAME, "Process name as the kernel reports it" + ESCAPED),
          Map.entry(
              ProcessField.USER,
              "Effective user's name (the numeric uid when it has none)" + ESCAPED),
          Map.entry(ProcessField.RSS_BYTES, "Resident set size in bytes" + ABSENT),
          Map.entry(ProcessField.VSZ_BYTES, "Virtual size in bytes" + ABSENT),
          Map.entry(
              ProcessField.CPU_TIME_MILLIS,
              "CPU time used, user + system, in milliseconds" + ABSENT),
          Map.entry(ProcessField.THREADS, "Threads (0 for an AIX zombie)" + ABSENT),
          Map.entry(
              ProcessField.START_TIME_MILLIS,
              "Start time in milliseconds since the epoch" + ABSENT));

  /** The fields of {@link #METRICS}, in its order. */
  private static final ProcessField[] FIELDS = new ProcessField[METRICS.size()];

  /** The items after the index, in the order their series are documented. */
  public static final List<String> VALUES;

  /** The row type. */
  public static final CompositeType ROW_TYPE;

  /** The type of {@code ProcessMetrics}, indexed like {@code Processes} by pid, name, user. */
  public static final TabularType TABLE_TYPE;

  static final RowShape SHAPE;

  /** Per item of {@link #METRICS}: its position in the row type's (item name) order. */
  private static final int[] POSITIONS = new int[FIELDS.length];

  static {
    String[] names = new String[FIELDS.length];
    String[] descriptions = new String[FIELDS.length];
    OpenType<?>[] types = new OpenType<?>[FIELDS.length];
    List<String> values = new ArrayList<>();
    for (int i = 0; i < FIELDS.length; i++) {
      FIELDS[i] = METRICS.get(i).getKey();
      names[i] = FIELDS[i].itemName();
      descriptions[i] = METRICS.get(i).getValue();
      types[i] = ProcessRows.openType(FIELDS[i].type());
      if (!ProcessRows.INDEX.contains(names[i])) {
        values.add(names[i]);
      }
    }
    VALUES = List.copyOf(values);
    try {
      ROW_TYPE =
          new CompositeType(
              "psinfo.ProcessMetricRow",
              "One process, with only the numbers jmx_exporter turns into series",
              names,
              descriptions,
              types);
      TABLE_TYPE =
          new TabularType(
              "psinfo.ProcessMetrics",
              "The rows of Processes with only the numbers that become series, indexed by pid,"
                  + " name and user",
              ROW_TYPE,
              ProcessRows.INDEX.toArray(new String[0]));
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
    SHAPE = new RowShape(ROW_TYPE);
    for (int i = 0; i < FIELDS.length; i++) {
      POSITIONS[i] = SHAPE.position(names[i]);
    }
  }

  private ProcessMetricRows() {}

  /**
   * The narrow row of one sample, each value its field's: a text (a label) escaped, a number not
   * available (negative) absent; serialised as a {@code CompositeDataSupport}.
   */
  static CompositeData row(ProcessSample sample) {
    ProcessInfo p = sample.info();
    Object[] values = new Object[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      Object v = FIELDS[i].get(p);
      if (v instanceof String text) {
        v = Printable.escape(text);
      } else if (v instanceof Number n && n.longValue() < 0) {
        v = null;
      }
      values[POSITIONS[i]] = v;
    }
    return new LightRow(SHAPE, values);
  }
}
