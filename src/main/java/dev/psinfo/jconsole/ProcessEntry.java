package dev.psinfo.jconsole;

import static java.util.Objects.requireNonNull;

import dev.psinfo.text.Printable;
import dev.psinfo.view.Items;
import dev.psinfo.view.RowValues;
import dev.psinfo.view.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * One row of the {@code Processes} table, read through plain JMX. Accepts both shapes the agent has
 * served: the flat row (every field a top-level item) and the older {@code {key, value}} row whose
 * {@code value} holds the fields. Items a platform does not have may be missing; every accessor
 * answers for them as for "not available".
 *
 * @param items the row's items by name, in the MBean's order
 */
record ProcessEntry(Map<String, Object> items) implements RowValues {
  /**
   * The row's items in the order of the public contract (docs/design.md), derived from the agent's
   * own field list ({@link Items#ORDER}); items the plugin does not know follow.
   */
  static final List<String> ORDER = Items.ORDER;

  /**
   * The most rows the plugin holds from one read: past it, the rows with the most recent CPU are
   * kept and the status line says how many the server sent.
   */
  static final int MAX_ROWS = 10_000;

  /** The most items of one row the plugin keeps (the agent serves {@code Items.ORDER.size()}). */
  static final int MAX_ITEMS = 64;

  /** The longest item name kept. */
  static final int MAX_ITEM_NAME_CHARS = 64;

  /** The most characters of one command line kept (the agent reads at most 64 KiB of it). */
  static final int MAX_ARGS_CHARS = 65_536;

  /** The most characters of any other text item kept. */
  static final int MAX_TEXT_CHARS = 1_024;

  /**
   * The most characters of command lines one read keeps in all (16 MB); past it, each further
   * command line is cut at {@link #MAX_TEXT_CHARS} and marked {@code argsTruncated}.
   */
  static final long ARGS_BUDGET_CHARS = 8L << 20;

  ProcessEntry {
    items = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(items, "items")));
  }

  /** The rows one read keeps and how many the server sent. */
  record Taken(List<ProcessEntry> rows, int received) {
    Taken {
      rows = List.copyOf(rows);
    }
  }

  /** The row of one table entry, flat or {@code {key, value}}, bounded like {@link #take}. */
  static ProcessEntry of(CompositeData row) {
    return of(row, MAX_ARGS_CHARS);
  }

  private static ProcessEntry of(CompositeData row, int maxArgsChars) {
    requireNonNull(row, "row is null");
    CompositeData fields = fields(row);
    // CompositeType sorts its items by name: put them back in the contract's order
    Map<String, Object> items = new LinkedHashMap<>();
    for (String name : ORDER) {
      if (fields.containsKey(name)) {
        putBounded(items, name, fields.get(name), maxArgsChars);
      }
    }
    for (String name : fields.getCompositeType().keySet()) {
      if (items.size() >= MAX_ITEMS) {
        break;
      }
      if (name.length() <= MAX_ITEM_NAME_CHARS && !items.containsKey(name)) {
        putBounded(items, name, fields.get(name), maxArgsChars);
      }
    }
    return new ProcessEntry(items);
  }

  private static CompositeData fields(CompositeData row) {
    if (!row.containsKey("pid") && row.containsKey("value")) {
      Object value = row.get("value");
      if (value instanceof CompositeData inner) {
        return inner;
      }
    }
    return row;
  }

  /**
   * Keeps a value of a type a process row has (text, a boxed number, a boolean), text cut to its
   * bound; anything else (a nested table, a huge {@code BigInteger}) is left out, as if the server
   * had not sent it.
   */
  private static void putBounded(
      Map<String, Object> items, String name, Object value, int maxArgsChars) {
    if (value instanceof String s) {
      int max = name.equals("args") ? maxArgsChars : MAX_TEXT_CHARS;
      if (s.length() > max) {
        items.put(name, Printable.prefix(s, max));
        if (name.equals("args")) {
          items.put("argsTruncated", Boolean.TRUE);
        }
      } else {
        items.putIfAbsent(name, s);
      }
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof Boolean) {
      items.putIfAbsent(name, value);
    } else if (value instanceof Character c) {
      items.putIfAbsent(name, c.toString());
    }
  }

  /** Every row of a {@code Processes} table, in the table's order, bounded like {@link #take}. */
  static List<ProcessEntry> all(TabularData table) {
    return take(table, MAX_ROWS).rows();
  }

  /**
   * At most {@code maxRows} rows of a {@code Processes} table, the ones with the most recent CPU
   * when there are more (else in the table's order), each bounded: items of unknown types left out,
   * text cut, command lines within {@link #ARGS_BUDGET_CHARS}. Entries that are not rows are
   * skipped.
   */
  static Taken take(TabularData table, int maxRows) {
    List<CompositeData> rows = new ArrayList<>(Math.min(table.size(), maxRows));
    int received = 0;
    if (table.size() <= maxRows) {
      for (Object row : table.values()) {
        received++;
        if (row instanceof CompositeData c) {
          rows.add(c);
        }
      }
    } else {
      List<CompositeData> all = new ArrayList<>(table.size());
      for (Object row : table.values()) {
        received++;
        if (row instanceof CompositeData c) {
          all.add(c);
        }
      }
      double[] cpu = new double[all.size()];
      Integer[] order = new Integer[all.size()];
      for (int i = 0; i < cpu.length; i++) {
        CompositeData f = fields(all.get(i));
        Object v = f.containsKey("cpuPercent") ? f.get("cpuPercent") : null;
        cpu[i] = v instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : -1;
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(cpu[b], cpu[a]));
      for (int i = 0; i < maxRows && i < order.length; i++) {
        rows.add(all.get(order[i]));
      }
    }
    List<ProcessEntry> out = new ArrayList<>(rows.size());
    long argsChars = 0;
    for (CompositeData row : rows) {
      ProcessEntry e = of(row, argsChars > ARGS_BUDGET_CHARS ? MAX_TEXT_CHARS : MAX_ARGS_CHARS);
      argsChars += e.text("args").length();
      out.add(e);
    }
    return new Taken(out, received);
  }

  /** The raw value, or null when the item is missing. */
  Object raw(String item) {
    return items.get(item);
  }

  /** Whether the item is there and not the "not available" sentinel. */
  boolean has(String item) {
    return Values.available(item, items.get(item));
  }

  /** A numeric item, or {@code fallback} when it is missing, not a number or not available. */
  long number(String item, long fallback) {
    Object v = items.get(item);
    return v instanceof Number n && Values.available(item, v) ? n.longValue() : fallback;
  }

  /** A decimal item, or NaN when it is missing or not available. */
  double decimal(String item) {
    Object v = items.get(item);
    return v instanceof Number n && Values.available(item, v) ? n.doubleValue() : Double.NaN;
  }

  /** A text item ({@code toString} of whatever it is), or {@code ""}. */
  String text(String item) {
    Object v = items.get(item);
    return v == null ? "" : v.toString();
  }

  /** The raw value, or null when this row (an older agent's) does not have the item. */
  @Override
  public Object item(String item) {
    return items.get(item);
  }

  @Override
  public double cpuPercent() {
    return decimal(Items.CPU_PERCENT);
  }

  long pid() {
    return number("pid", -1);
  }

  long ppid() {
    return number("ppid", -1);
  }
}
