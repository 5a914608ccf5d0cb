package dev.psinfo.cli;

import dev.psinfo.text.Printable;
import java.util.Locale;

/**
 * The JSON and CSV encodings of the CLI's writers; the values people read are written by {@link
 * dev.psinfo.view.Values}, shared with {@code psText} and the plugin. Stateless.
 */
final class Text {
  private Text() {}

  /**
   * {@code s} as a JSON string literal, quotes included; every character {@link Printable#isUnsafe}
   * (C0, C1, bidirectional and invisible controls) written as a {@code \\u} escape, so the JSON
   * text is safe on a terminal and a parser still reads the exact value.
   */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (Printable.isUnsafe(c)) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A JSON number for {@code v}: integral values without a fraction; never NaN or infinite. */
  static String json(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-1";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * Text read from a process (its name, arguments, user) as a CSV field that a spreadsheet shows as
   * text: a leading {@code '} when it starts with {@code = + - @}, which a spreadsheet would
   * otherwise run as a formula (OWASP's CSV injection; a process may name itself {@code
   * =HYPERLINK("http://…")}), then {@link #csv}. Numbers are not text and keep their sign.
   */
  static String csvText(String s) {
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      return csv("'" + s);
    }
    return csv(s);
  }

  /** {@code s} as a CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
