package dev.psinfo.view;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.text.Printable;
import java.time.ZoneId;

/**
 * The columns of a process table, each with its label, alignment, the field it shows and how: the
 * one definition behind {@code ps}, {@code top}, {@code psText} and the plugin's Processes table,
 * so they print the same row the same way. A cell of a field the row does not have (an older agent)
 * is blank; a value that is not available is {@link Values#NOT_AVAILABLE}.
 */
public enum Column {
  PID("PID", true, ProcessField.PID),
  PPID("PPID", true, ProcessField.PPID),
  USER("USER", false, ProcessField.USER),
  NAME("NAME", false, ProcessField.NAME),
  CPU("%CPU", true, null),
  RSS("RSS", true, ProcessField.RSS_BYTES),
  VSZ("VSZ", true, ProcessField.VSZ_BYTES),
  THREADS("THR", true, ProcessField.THREADS),
  NICE("NI", true, ProcessField.NICE),
  STATE("S", false, ProcessField.STATE_CODE),
  START("START", true, ProcessField.START_TIME_MILLIS),
  TIME("TIME", true, ProcessField.CPU_TIME_MILLIS),
  /** For a JVM, its main class, {@code -jar} file or module ({@link ProcessField#JAVA_MAIN}). */
  JAVA("JAVA", false, ProcessField.JAVA_MAIN),
  /** The command line, or the name when there is none ({@link ProcessField#ARGS}). */
  COMMAND("COMMAND", false, ProcessField.ARGS);

  private static final String NAME_ITEM = ProcessField.NAME.itemName();

  private final String label;
  private final boolean numeric;
  private final ProcessField field;

  Column(String label, boolean numeric, ProcessField field) {
    this.label = label;
    this.numeric = numeric;
    this.field = field;
  }

  /** The column's header, as {@code ps} writes it. */
  public String label() {
    return label;
  }

  /** Whether the column holds numbers (right-aligned, sorted by value). */
  public boolean numeric() {
    return numeric;
  }

  /** The field the column shows; null for {@link #CPU} (recent CPU is not a field of the probe). */
  public ProcessField field() {
    return field;
  }

  /**
   * The cell of {@code row} in this column; START relative to {@code nowMillis} in {@code zone}.
   * Text from the host has every unsafe character as {@code ?} ({@link Values#text}).
   */
  public String text(RowValues row, long nowMillis, ZoneId zone) {
    if (this == CPU) {
      return Values.percent(row.cpuPercent());
    }
    Object v = row.item(field.itemName());
    if (v == null) {
      return "";
    }
    return switch (this) {
      case PID, PPID, THREADS -> Values.number(number(v));
      case RSS, VSZ -> Values.size(number(v));
      case NICE ->
          Values.signed(v instanceof Number n ? n.longValue() : Values.SIGNED_NOT_AVAILABLE);
      case START -> Values.startTime(number(v), nowMillis, zone);
      case TIME -> Values.cpuTime(number(v));
      case COMMAND -> {
        String args = v.toString();
        Object name = row.item(NAME_ITEM);
        yield Values.text(args.isEmpty() && name != null ? name.toString() : args);
      }
      default -> Values.text(v.toString());
    };
  }

  /**
   * What the cell sorts by: the number ({@code Long}, or {@code Double} for {@link #CPU}) or the
   * exact text; null when not available or missing, so such cells sort apart from real values.
   */
  public Comparable<?> sortKey(RowValues row) {
    if (this == CPU) {
      double v = row.cpuPercent();
      return v >= 0 ? Double.valueOf(v) : null;
    }
    Object v = row.item(field.itemName());
    if (!Values.available(field.itemName(), v)) {
      if (this == COMMAND && v != null) {
        Object name = row.item(NAME_ITEM);
        return Values.available(NAME_ITEM, name) ? name.toString() : null;
      }
      return null;
    }
    return v instanceof Number n ? Long.valueOf(n.longValue()) : v.toString();
  }

  /**
   * The exact text of a text cell with every unsafe character made visible ({@link
   * Printable#escape}), when it has one: what the plugin shows as the cell's tooltip. Null when the
   * text is safe (the cell says it all) or the column is numeric.
   */
  public String escaped(RowValues row) {
    if (numeric || this == CPU) {
      return null;
    }
    Object v = row.item(field.itemName());
    String s = v == null ? "" : v.toString();
    if (this == COMMAND && s.isEmpty()) {
      Object name = row.item(NAME_ITEM);
      s = name == null ? "" : name.toString();
    }
    return Printable.firstUnsafe(s) < 0 ? null : Printable.escape(s);
  }

  private static long number(Object v) {
    return v instanceof Number n ? n.longValue() : Values.UNSIGNED_NOT_AVAILABLE;
  }
}
