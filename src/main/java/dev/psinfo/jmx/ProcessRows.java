package dev.psinfo.jmx;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularType;

/**
 * The open types of a process row and of the {@code Processes} table, derived from {@link
 * ProcessField} plus {@code cpuPercent}: every field is a top-level item of the row, with its
 * description; the table is indexed by {@code pid}, {@code name}, {@code user}. Also converts in
 * both directions: a {@link ProcessSample} to a row (for the agent) and any row with these items
 * back to a {@link ProcessSample} (for Java clients, see {@link ProcessTableClient}).
 */
public final class ProcessRows {
  /** The item that is not a {@link ProcessField}: recent CPU use, from the sampler. */
  public static final String CPU_PERCENT = "cpuPercent";

  /** The index of the {@code Processes} table, in this order. */
  public static final List<String> INDEX = List.of("pid", "name", "user");

  /**
   * The item names in row order: {@link ProcessField} order, {@code cpuPercent} after the times.
   */
  public static final List<String> ITEM_NAMES;

  /** The row type shared by {@code Processes} and every operation's result. */
  public static final CompositeType ROW_TYPE;

  /** The type of {@code Processes}. */
  public static final TabularType TABLE_TYPE;

  /** The type of a list of rows, as operations return it. */
  public static final ArrayType<CompositeData[]> ROW_ARRAY_TYPE;

  /** Per item in {@link CompositeType#keySet()} order (sorted by name): its field, or null. */
  private static final ProcessField[] SORTED_FIELDS;

  /** The item names in {@link CompositeType#keySet()} order. */
  private static final String[] SORTED_NAMES;

  /** The row type with each item's position, shared by every row. */
  static final RowShape SHAPE;

  static {
    List<String> names = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<OpenType<?>> types = new ArrayList<>();
    for (ProcessField f : ProcessField.values()) {
      names.add(f.itemName());
      descriptions.add(f.description());
      types.add(openType(f.type()));
      if (f == ProcessField.SYSTEM_TIME_MILLIS) {
        names.add(CPU_PERCENT);
        descriptions.add(
            "Recent CPU use in percent of one CPU (100 = one full CPU), since the previous scan;"
                + " a new process's lifetime average; -1: not available");
        types.add(SimpleType.DOUBLE);
      }
    }
    ITEM_NAMES = List.copyOf(names);
    try {
      ROW_TYPE =
          new CompositeType(
              "psinfo.ProcessRow",
              "One process: every field of the row, units in the names",
              names.toArray(new String[0]),
              descriptions.toArray(new String[0]),
              types.toArray(new OpenType<?>[0]));
      TABLE_TYPE =
          new TabularType(
              "psinfo.Processes",
              "One row per process, indexed by pid, name and user",
              ROW_TYPE,
              INDEX.toArray(new String[0]));
      ROW_ARRAY_TYPE = ArrayType.getArrayType(ROW_TYPE);
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
    Map<String, ProcessField> byName = new HashMap<>();
    for (ProcessField f : ProcessField.values()) {
      byName.put(f.itemName(), f);
    }
    List<String> sorted = new ArrayList<>(ROW_TYPE.keySet());
    SORTED_FIELDS = new ProcessField[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      SORTED_FIELDS[i] = byName.get(sorted.get(i));
    }
    SHAPE = new RowShape(ROW_TYPE);
    SORTED_NAMES = sorted.toArray(new String[0]);
  }

  /** Every field "not available". */
  private static final ProcessInfo NOT_AVAILABLE = ProcessInfo.builder(0).build();

  private ProcessRows() {}

  /** The row of one sample: built once, immutable, serialised as a {@code CompositeDataSupport}. */
  public static CompositeData row(ProcessSample sample) {
    ProcessInfo p = sample.info();
    Object[] values = new Object[SORTED_FIELDS.length];
    for (int i = 0; i < values.length; i++) {
      ProcessField f = SORTED_FIELDS[i];
      values[i] = f == null ? sample.cpuPercent() : openValue(f.get(p));
    }
    return new LightRow(values);
  }

  /**
   * The sample a row describes: what a Java client reads back from any JMX client's row (a {@code
   * CompositeDataSupport} or this agent's own).
   *
   * <p>An item that an older agent's row does not have (such as {@code javaMain}) reads as "not
   * available", as {@link ProcessInfo#builder} has it; {@code pid} must be there.
   *
   * @throws IllegalArgumentException when the row lacks {@code pid} or holds a value of the wrong
   *     type
   */
  public static ProcessSample sample(CompositeData row) {
    ProcessField[] fields = ProcessField.values();
    Object[] values = new Object[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        if (fields[i] != ProcessField.PID && !row.containsKey(fields[i].itemName())) {
          values[i] = fields[i].get(NOT_AVAILABLE);
          continue;
        }
        Object v = row.get(fields[i].itemName());
        values[i] = fields[i] == ProcessField.STATE ? ProcessState.valueOf((String) v) : v;
      }
      return new ProcessSample(ProcessField.newProcessInfo(values), (Double) row.get(CPU_PERCENT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a psinfo process row: " + e.getMessage(), e);
    }
  }

  /**
   * {@code row} with {@code args} cut to {@code maxChars} characters (never between the two halves
   * of a surrogate pair) and {@code argsTruncated} true; {@code row} itself when its args are no
   * longer. For a row of {@link #ROW_TYPE}.
   */
  public static CompositeData withArgsCut(CompositeData row, int maxChars) {
    Object args = row.get("args");
    if (!(args instanceof String s) || s.length() <= maxChars) {
      return row;
    }
    Object[] values = row.getAll(SORTED_NAMES);
    values[position("args")] = Printable.prefix(s, maxChars);
    values[position(ProcessField.ARGS_TRUNCATED.itemName())] = Boolean.TRUE;
    return new LightRow(values);
  }

  /** Position of an item in {@link CompositeType#keySet()} order, or -1. */
  static int position(String item) {
    return SHAPE.position(item);
  }

  private static Object openValue(Object v) {
    return v instanceof ProcessState s ? s.name() : v;
  }

  /** The open type of a {@link ProcessField#type()}. */
  static OpenType<?> openType(Class<?> type) {
    if (type == long.class) {
      return SimpleType.LONG;
    } else if (type == int.class) {
      return SimpleType.INTEGER;
    } else if (type == boolean.class) {
      return SimpleType.BOOLEAN;
    } else if (type == String.class || type == ProcessState.class) {
      return SimpleType.STRING;
    }
    throw new IllegalStateException("no open type for " + type);
  }
}
