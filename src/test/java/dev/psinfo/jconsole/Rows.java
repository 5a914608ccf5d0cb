package dev.psinfo.jconsole;

import dev.psinfo.view.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Builds {@code Processes} tables as the agent serves them: the flat row (every field a top-level
 * item, index pid, name, user) and the older {@code {key, value}} row.
 */
final class Rows {
  private Rows() {}

  /** The items of the flat row, in the contract's order, with their open types. */
  static final Map<String, OpenType<?>> ITEMS = new LinkedHashMap<>();

  static {
    for (String n : List.of("pid", "ppid", "pgid", "sid", "uid", "euid", "gid", "egid")) {
      ITEMS.put(n, SimpleType.LONG);
    }
    ITEMS.put("user", SimpleType.STRING);
    ITEMS.put("name", SimpleType.STRING);
    ITEMS.put("args", SimpleType.STRING);
    ITEMS.put("argsTruncated", SimpleType.BOOLEAN);
    ITEMS.put("state", SimpleType.STRING);
    ITEMS.put("stateCode", SimpleType.STRING);
    ITEMS.put("threads", SimpleType.INTEGER);
    ITEMS.put("priority", SimpleType.INTEGER);
    ITEMS.put("nice", SimpleType.INTEGER);
    for (String n :
        List.of("rssBytes", "vszBytes", "cpuTimeMillis", "userTimeMillis", "systemTimeMillis")) {
      ITEMS.put(n, SimpleType.LONG);
    }
    ITEMS.put("cpuPercent", SimpleType.DOUBLE);
    for (String n :
        List.of(
            "startTimeMillis",
            "voluntaryCtxSwitches",
            "involuntaryCtxSwitches",
            "openFds",
            "readBytes",
            "writeBytes")) {
      ITEMS.put(n, SimpleType.LONG);
    }
  }

  /** A process with these values and "not available" (or a plausible value) for the rest. */
  static Map<String, Object> process(
      long pid, long ppid, String user, String name, String args, double cpu, long rss) {
    Map<String, Object> v = new LinkedHashMap<>();
    ITEMS.forEach(
        (item, type) -> {
          Object na =
              type == SimpleType.STRING
                  ? ""
                  : type == SimpleType.BOOLEAN
                      ? Boolean.FALSE
                      : type == SimpleType.INTEGER
                          ? (Object)
                              (Values.SIGNED_ITEMS.contains(item)
                                  ? Values.SIGNED_NOT_AVAILABLE
                                  : -1)
                          : type == SimpleType.DOUBLE ? (Object) (-1.0) : (Object) (-1L);
          v.put(item, na);
        });
    v.put("pid", pid);
    v.put("ppid", ppid);
    v.put("user", user);
    v.put("name", name);
    v.put("args", args);
    v.put("state", "SLEEPING");
    v.put("stateCode", "S");
    v.put("threads", 1);
    v.put("cpuPercent", cpu);
    v.put("rssBytes", rss);
    v.put("vszBytes", rss * 4);
    v.put("cpuTimeMillis", pid * 1000);
    v.put("startTimeMillis", 1_700_000_000_000L + pid * 60_000);
    return v;
  }

  /** A flat table of these rows, leaving out {@code omit} items (a platform without them). */
  static TabularData flat(List<Map<String, Object>> rows, String... omit) throws OpenDataException {
    Map<String, OpenType<?>> items = new LinkedHashMap<>(ITEMS);
    for (String o : omit) {
      items.remove(o);
    }
    CompositeType row = type("ProcessRow", items);
    TabularDataSupport table =
        new TabularDataSupport(
            new TabularType("Processes", "processes", row, new String[] {"pid", "name", "user"}));
    for (Map<String, Object> r : rows) {
      Map<String, Object> values = new LinkedHashMap<>(r);
      values.keySet().retainAll(items.keySet());
      table.put(new CompositeDataSupport(row, values));
    }
    return table;
  }

  /** The older shape: {@code {key: {pid, name, user}, value: the row}}. */
  static TabularData keyValue(List<Map<String, Object>> rows) throws OpenDataException {
    CompositeType value = type("ProcessRow", ITEMS);
    Map<String, OpenType<?>> keyItems = new LinkedHashMap<>();
    keyItems.put("pid", SimpleType.LONG);
    keyItems.put("name", SimpleType.STRING);
    keyItems.put("user", SimpleType.STRING);
    CompositeType key = type("ProcessKey", keyItems);
    Map<String, OpenType<?>> entryItems = new LinkedHashMap<>();
    entryItems.put("key", key);
    entryItems.put("value", value);
    CompositeType entry = type("Entry", entryItems);
    TabularDataSupport table =
        new TabularDataSupport(new TabularType("Map", "map", entry, new String[] {"key"}));
    for (Map<String, Object> r : rows) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("pid", r.get("pid"));
      k.put("name", r.get("name"));
      k.put("user", r.get("user"));
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("key", new CompositeDataSupport(key, k));
      e.put("value", new CompositeDataSupport(value, r));
      table.put(new CompositeDataSupport(entry, e));
    }
    return table;
  }

  static List<ProcessEntry> entries(List<Map<String, Object>> rows) throws OpenDataException {
    return ProcessEntry.all(flat(rows));
  }

  private static CompositeType type(String name, Map<String, OpenType<?>> items)
      throws OpenDataException {
    List<String> names = new ArrayList<>(items.keySet());
    return new CompositeType(
        name,
        name,
        names.toArray(String[]::new),
        names.toArray(String[]::new),
        items.values().toArray(OpenType<?>[]::new));
  }

  /** One row's composite, for single-row tests. */
  static CompositeData one(Map<String, Object> row) throws OpenDataException {
    return (CompositeData) flat(List.of(row)).values().iterator().next();
  }
}
