package dev.psinfo.jconsole;

import static java.util.Objects.requireNonNull;

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
record ProcessEntry(Map<String, Object> items) {
  /** The row's items in the order of the public contract (docs/design.md); others follow. */
  static final List<String> ORDER =
      List.of(
          "pid",
          "ppid",
          "pgid",
          "sid",
          "uid",
          "euid",
          "gid",
          "egid",
          "user",
          "name",
          "args",
          "argsTruncated",
          "state",
          "stateCode",
          "threads",
          "priority",
          "nice",
          "rssBytes",
          "vszBytes",
          "cpuTimeMillis",
          "userTimeMillis",
          "systemTimeMillis",
          "cpuPercent",
          "startTimeMillis",
          "voluntaryCtxSwitches",
          "involuntaryCtxSwitches",
          "openFds",
          "readBytes",
          "writeBytes");

  ProcessEntry {
    items = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(items, "items")));
  }

  /** The row of one table entry, flat or {@code {key, value}}. */
  static ProcessEntry of(CompositeData row) {
    requireNonNull(row, "row is null");
    CompositeData fields = row;
    if (!row.containsKey("pid") && row.containsKey("value")) {
      Object value = row.get("value");
      if (value instanceof CompositeData inner) {
        fields = inner;
      }
    }
    // CompositeType sorts its items by name: put them back in the contract's order
    Map<String, Object> items = new LinkedHashMap<>();
    for (String name : ORDER) {
      if (fields.containsKey(name)) {
        items.put(name, fields.get(name));
      }
    }
    for (String name : fields.getCompositeType().keySet()) {
      items.putIfAbsent(name, fields.get(name));
    }
    return new ProcessEntry(items);
  }

  /** Every row of a {@code Processes} table, in the table's order. */
  static List<ProcessEntry> all(TabularData table) {
    List<ProcessEntry> out = new ArrayList<>(table.size());
    for (Object row : table.values()) {
      out.add(of((CompositeData) row));
    }
    return out;
  }

  /** The raw value, or null when the item is missing. */
  Object raw(String item) {
    return items.get(item);
  }

  /** Whether the item is there and not the "not available" sentinel. */
  boolean has(String item) {
    return Format.available(item, items.get(item));
  }

  /** A numeric item, or {@code fallback} when it is missing, not a number or not available. */
  long number(String item, long fallback) {
    Object v = items.get(item);
    return v instanceof Number n && Format.available(item, v) ? n.longValue() : fallback;
  }

  /** A decimal item, or NaN when it is missing or not available. */
  double decimal(String item) {
    Object v = items.get(item);
    return v instanceof Number n && Format.available(item, v) ? n.doubleValue() : Double.NaN;
  }

  /** A text item ({@code toString} of whatever it is), or {@code ""}. */
  String text(String item) {
    Object v = items.get(item);
    return v == null ? "" : v.toString();
  }

  long pid() {
    return number("pid", -1);
  }

  long ppid() {
    return number("ppid", -1);
  }
}
