package dev.psinfo.cli;

import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessState;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.PsText;
import dev.psinfo.text.Printable;
import dev.psinfo.view.Items;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes process rows as an aligned table (human sizes, like {@code ps}), as CSV or as JSON (exact
 * numbers, every item of the JMX row under its own name and with its value, in the row's order:
 * {@link Items#ORDER}). Stateless.
 */
final class RowsView {
  private RowsView() {}

  /** The {@code ps} table ({@link PsText#ps}). */
  static void table(
      PrintStream out, List<ProcessSample> rows, long nowMillis, ZoneId zone, int width) {
    table(out, rows, nowMillis, zone, width, false);
  }

  /** The {@code ps} table with a JAVA column when {@code javaColumn} ({@link PsText#ps}). */
  static void table(
      PrintStream out,
      List<ProcessSample> rows,
      long nowMillis,
      ZoneId zone,
      int width,
      boolean javaColumn) {
    PsText.ps(rows, nowMillis, zone, width, javaColumn).forEach(out::println);
  }

  /** The {@code top} table ({@link PsText#top}). */
  static void topTable(PrintStream out, List<ProcessSample> rows, int width) {
    PsText.top(rows, width).forEach(out::println);
  }

  /**
   * CSV with a header of the row's item names; exact numbers. Control characters in text (C0 such
   * as ESC, BEL, CR, LF; C1 such as CSI U+009B; bidi overrides: a process may name itself anything)
   * become {@code ?}, as in the table ({@link Printable#question}); text that a spreadsheet would
   * run as a formula gets a leading {@code '} ({@link Text#csvText}).
   */
  static void csv(PrintStream out, List<ProcessSample> rows) {
    List<String> fields = Items.ORDER;
    out.println(String.join(",", fields));
    StringBuilder b = new StringBuilder();
    for (ProcessSample sample : rows) {
      b.setLength(0);
      for (int i = 0; i < fields.size(); i++) {
        Object v = item(sample, fields.get(i));
        b.append(i == 0 ? "" : ",");
        b.append(
            v instanceof Double d
                ? Text.json(d)
                : v instanceof String s
                    ? Text.csvText(Printable.question(s))
                    : Text.csv(String.valueOf(v)));
      }
      out.println(b);
    }
  }

  /** A JSON array of objects, one per row, with every item of the row; exact numbers. */
  static void json(PrintStream out, List<ProcessSample> rows) {
    List<String> fields = Items.ORDER;
    StringBuilder b = new StringBuilder("[");
    for (int r = 0; r < rows.size(); r++) {
      ProcessSample sample = rows.get(r);
      b.append(r == 0 ? "\n  {" : ",\n  {");
      for (int i = 0; i < fields.size(); i++) {
        Object v = item(sample, fields.get(i));
        b.append(i == 0 ? "" : ", ").append(Text.json(fields.get(i))).append(": ");
        if (v instanceof Double d) {
          b.append(Text.json(d));
        } else if (v instanceof Number || v instanceof Boolean) {
          b.append(v);
        } else {
          b.append(Text.json(String.valueOf(v)));
        }
      }
      b.append('}');
    }
    b.append(rows.isEmpty() ? "]" : "\n]");
    out.println(b);
  }

  /** An item's value as the JMX row carries it: boxed, the state by its name. */
  static Object item(ProcessSample sample, String item) {
    ProcessField f = Items.field(item);
    if (f == null) {
      return sample.cpuPercent();
    }
    Object v = f.get(sample.info());
    return v instanceof ProcessState s ? s.name() : v;
  }
}
