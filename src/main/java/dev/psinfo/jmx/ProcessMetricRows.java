package dev.psinfo.jmx;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.text.Printable;
import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
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
  /** The items after the index, in the order their series are documented. */
  public static final List<String> VALUES =
      List.of("rssBytes", "vszBytes", "cpuTimeMillis", "threads", "startTimeMillis");

  /** The row type. */
  public static final CompositeType ROW_TYPE;

  /** The type of {@code ProcessMetrics}, indexed like {@code Processes} by pid, name, user. */
  public static final TabularType TABLE_TYPE;

  static final RowShape SHAPE;

  private static final int PID;
  private static final int NAME;
  private static final int USER;
  private static final int RSS;
  private static final int VSZ;
  private static final int CPU;
  private static final int THREADS;
  private static final int START;

  static {
    String absent = "; absent (null) when not available";
    try {
      ROW_TYPE =
          new CompositeType(
              "psinfo.ProcessMetricRow",
              "One process, with only the numbers jmx_exporter turns into series",
              new String[] {
                "pid",
                "name",
                "user",
                "rssBytes",
                "vszBytes",
                "cpuTimeMillis",
                "threads",
                "startTimeMillis"
              },
              new String[] {
                "Process id",
                "Process name as the kernel reports it; control, bidi and invisible characters"
                    + " escaped",
                "Effective user's name (the numeric uid when it has none); control, bidi and"
                    + " invisible characters escaped",
                "Resident set size in bytes" + absent,
                "Virtual size in bytes" + absent,
                "CPU time used, user + system, in milliseconds" + absent,
                "Threads (0 for an AIX zombie)" + absent,
                "Start time in milliseconds since the epoch" + absent
              },
              new OpenType<?>[] {
                SimpleType.LONG,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.INTEGER,
                SimpleType.LONG
              });
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
    PID = SHAPE.position("pid");
    NAME = SHAPE.position("name");
    USER = SHAPE.position("user");
    RSS = SHAPE.position("rssBytes");
    VSZ = SHAPE.position("vszBytes");
    CPU = SHAPE.position("cpuTimeMillis");
    THREADS = SHAPE.position("threads");
    START = SHAPE.position("startTimeMillis");
  }

  private ProcessMetricRows() {}

  /** The narrow row of one sample; serialised as a {@code CompositeDataSupport}. */
  static CompositeData row(ProcessSample sample) {
    ProcessInfo p = sample.info();
    Object[] values = new Object[8];
    values[PID] = p.pid();
    values[NAME] = Printable.escape(p.name());
    values[USER] = Printable.escape(p.user());
    values[RSS] = orNull(p.rssBytes());
    values[VSZ] = orNull(p.vszBytes());
    values[CPU] = orNull(p.cpuTimeMillis());
    values[THREADS] = p.threads() < 0 ? null : Integer.valueOf(p.threads());
    values[START] = orNull(p.startTimeMillis());
    return new LightRow(SHAPE, values);
  }

  private static Long orNull(long v) {
    return v < 0 ? null : v;
  }
}
