package dev.psinfo.text;

/**
 * Text read from the host, made safe to show a person: every character that could move a cursor,
 * start a terminal escape sequence, reorder what follows it or hide itself is written as a visible
 * escape. A process may name itself anything, so every view meant for people (a log line, a table,
 * CSV, JSON text, a notification message, a Swing label) passes its data through here; the data
 * itself (the JMX row) stays exact.
 *
 * <p>Escaped: C0 controls and DEL, C1 controls ({@code U+0080}–{@code U+009F}, e.g. the 8-bit CSI
 * {@code U+009B} and OSC {@code U+009D}), the bidirectional controls ({@code U+061C}, {@code
 * U+200E}, {@code U+200F}, {@code U+202A}–{@code U+202E}, {@code U+2066}–{@code U+2069}), the line
 * and paragraph separators, and the invisible format characters {@code U+200B}–{@code U+200D},
 * {@code U+2060}–{@code U+2064} and {@code U+FEFF}. Tab, newline and carriage return are written
 * {@code \t}, {@code \n}, {@code \r}; every other one {@code \}{@code uXXXX}. A backslash stays as
 * it is, so {@code C:\dir} reads as written. Pure and thread-safe; no dependency.
 */
public final class Printable {
  private Printable() {}

  /** True when {@code c} would be escaped by {@link #escape}. */
  public static boolean isUnsafe(char c) {
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return true;
    }
    if (c < 0x061c) {
      return false;
    }
    return c == 0x061c
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfeff;
  }

  /** {@code text} with every unsafe character escaped; the same instance when there is none. */
  public static String escape(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> appendUnicodeEscape(b, c);
      }
    }
    return b.toString();
  }

  /**
   * {@code text} with every unsafe character replaced by {@code ?}, as {@code ps} prints a name in
   * a column: the width stays that of the text.
   */
  public static String question(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      if (isUnsafe(chars[i])) {
        chars[i] = '?';
      }
    }
    return new String(chars);
  }

  /**
   * {@code text} cut to at most {@code maxChars} characters, one fewer where the cut would keep
   * half of a surrogate pair; the same instance when it is no longer. The one cut of host text to a
   * bound (a row's args, a JFR event, a Swing cell, an option error).
   */
  public static String prefix(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end =
        maxChars > 0 && Character.isHighSurrogate(text.charAt(maxChars - 1))
            ? maxChars - 1
            : maxChars;
    return text.substring(0, end);
  }

  /** Index of the first unsafe character of {@code text}, or -1. */
  public static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void appendUnicodeEscape(StringBuilder b, char c) {
    String hex = Integer.toHexString(c);
    b.append("\\u");
    for (int pad = hex.length(); pad < 4; pad++) {
      b.append('0');
    }
    b.append(hex);
  }
}
