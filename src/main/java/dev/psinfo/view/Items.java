package dev.psinfo.view;

import dev.psinfo.probe.ProcessField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a process row as the JMX row carries them, in the public contract's order (every
 * {@link ProcessField} in its order, with {@link #CPU_PERCENT} after {@code systemTimeMillis}), and
 * a person's label for each: derived from {@link ProcessField}, so a new field appears in every
 * view without another list to update.
 */
public final class Items {
  /** The one item of a row that is not a {@link ProcessField}: recent CPU, from two snapshots. */
  public static final String CPU_PERCENT = "cpuPercent";

  /** Every item name of a row, in the contract's order. */
  public static final List<String> ORDER;

  private static final Map<String, ProcessField> FIELDS = new HashMap<>();

  static {
    List<String> names = new ArrayList<>();
    for (ProcessField f : ProcessField.values()) {
      FIELDS.put(f.itemName(), f);
      names.add(f.itemName());
      if (f == ProcessField.SYSTEM_TIME_MILLIS) {
        names.add(CPU_PERCENT);
      }
    }
    ORDER = List.copyOf(names);
  }

  private Items() {}

  /** The field whose item is named {@code item}, or null ({@link #CPU_PERCENT}, unknown names). */
  public static ProcessField field(String item) {
    return FIELDS.get(item);
  }

  /**
   * A person's label for a camelCase item name: {@code rssBytes} -> {@code Resident (RSS)}, {@code
   * voluntaryCtxSwitches} -> {@code Voluntary context switches}; a name it does not know is split
   * at its capitals ({@code fdLimit} -> {@code Fd limit}).
   */
  public static String label(String item) {
    String known =
        switch (item) {
          case "pid" -> "PID";
          case "ppid" -> "Parent PID";
          case "pgid" -> "Process group";
          case "sid" -> "Session";
          case "uid" -> "Real UID";
          case "euid" -> "Effective UID";
          case "gid" -> "Real GID";
          case "egid" -> "Effective GID";
          case "rssBytes" -> "Resident (RSS)";
          case "vszBytes" -> "Virtual (VSZ)";
          case "cpuPercent" -> "Recent CPU";
          case "cpuTimeMillis" -> "CPU time";
          case "userTimeMillis" -> "User CPU time";
          case "systemTimeMillis" -> "System CPU time";
          case "startTimeMillis" -> "Started";
          case "stateCode" -> "State letter";
          case "argsTruncated" -> "Args truncated";
          case "openFds" -> "Open files";
          case "voluntaryCtxSwitches" -> "Voluntary context switches";
          case "involuntaryCtxSwitches" -> "Involuntary context switches";
          case "readBytes" -> "Read (I/O)";
          case "writeBytes" -> "Written (I/O)";
          case "wparId" -> "WPAR id";
          case "wpar" -> "WPAR";
          case "javaMain" -> "Java main";
          default -> null;
        };
    if (known != null) {
      return known;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (i == 0) {
        out.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        out.append(' ').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
