package dev.psinfo.config;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression that someone outside the agent chose ({@code include}, {@code exclude},
 * {@code find}, {@code --match}, and any future option that takes a pattern): the one place such
 * patterns are compiled.
 *
 * <p>Matching uses RE2/J, whose cost is linear in the text: no catastrophic backtracking and no
 * stack overflow, whatever the pattern. RE2 syntax is Java's without backreferences ({@code \1}),
 * lookaround ({@code (?=}, {@code (?!}, {@code (?<=}), possessive quantifiers or atomic groups;
 * such a pattern is refused with a clear message. A pattern is also refused when it is longer than
 * {@value #MAX_LENGTH} characters or when its counted repetitions, multiplied out, would make a
 * program larger than {@value #MAX_SIZE} steps (such as {@code ((a{1000}){1000}){1000}}, which
 * would take gigabytes to compile): the time to match one character is proportional to that size.
 *
 * <p>Immutable and thread-safe. Equal when the pattern text is equal.
 */
public final class UserPattern {
  /** The longest pattern accepted, in characters. */
  public static final int MAX_LENGTH = 4096;

  /** The largest program accepted: an upper bound of the pattern's size with repeats expanded. */
  public static final long MAX_SIZE = 10_000;

  private final String text;
  private final Pattern pattern;

  private UserPattern(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * Compiles {@code regex}.
   *
   * @throws IllegalArgumentException naming the problem when {@code regex} is empty, too long, too
   *     large once expanded, or not valid RE2 syntax
   */
  public static UserPattern compile(String regex) {
    requireNonNull(regex, "regex is null");
    if (regex.isEmpty()) {
      throw new IllegalArgumentException("empty regex");
    }
    if (regex.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "regex of " + regex.length() + " characters is longer than the maximum of " + MAX_LENGTH);
    }
    long size = expandedSize(regex);
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "regex '"
              + regex
              + "' is too large once its repeats are expanded (about "
              + size
              + " steps, the maximum is "
              + MAX_SIZE
              + ")");
    }
    try {
      return new UserPattern(regex, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "'" + regex + "' is not a valid regex (" + e.getDescription() + ")");
    }
  }

  /** The pattern as given. */
  public String pattern() {
    return text;
  }

  /** Whether {@code text} contains a match (find, not full match). */
  public boolean find(CharSequence text) {
    Matcher m = pattern.matcher(text);
    return m.find();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserPattern other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * An upper bound of the number of program steps {@code regex} compiles to: every character counts
   * one, and a counted repeat {@code {n}}, {@code {n,}} or {@code {n,m}} multiplies what it repeats
   * (the previous atom or group) by its larger bound plus one. Reads escapes, {@code \Q...\E} and
   * character classes well enough never to count less than RE2 makes; an invalid pattern is left to
   * the parser.
   */
  static long expandedSize(String regex) {
    // sizes of the open groups, innermost last; each holds [size so far, size of its last atom]
    long[] sums = new long[regex.length() + 2];
    long[] lastAtom = new long[regex.length() + 2];
    int depth = 0;
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      long atom;
      if (c == '\\') {
        int end = escapeEnd(regex, i);
        atom = end - i;
        i = end;
      } else if (c == '[') {
        int end = classEnd(regex, i);
        atom = end - i;
        i = end;
      } else if (c == '(') {
        depth++;
        sums[depth] = 0;
        lastAtom[depth] = 0;
        i++;
        continue;
      } else if (c == ')' && depth > 0) {
        atom = sums[depth] + 1;
        depth--;
        i++;
      } else if (c == '{') {
        int end = repeatEnd(regex, i);
        if (end > i) {
          long times = repeatMax(regex.substring(i + 1, end - 1));
          long grown = Math.min(lastAtom[depth] * times, Long.MAX_VALUE / 4);
          sums[depth] = Math.min(sums[depth] - lastAtom[depth] + grown, Long.MAX_VALUE / 4);
          lastAtom[depth] = grown;
          i = end;
          continue;
        }
        atom = 1;
        i++;
      } else {
        atom = 1;
        i++;
      }
      sums[depth] = Math.min(sums[depth] + atom, Long.MAX_VALUE / 4);
      lastAtom[depth] = atom;
    }
    long total = 0;
    for (int d = depth; d >= 0; d--) {
      total = Math.min(total + sums[d], Long.MAX_VALUE / 4);
    }
    return total;
  }

  /** Index just past the escape starting at {@code i} (a backslash). */
  private static int escapeEnd(String s, int i) {
    int n = s.length();
    if (i + 1 >= n) {
      return n;
    }
    char e = s.charAt(i + 1);
    if (e == 'Q') {
      int end = s.indexOf("\\E", i + 2);
      return end < 0 ? n : end + 2;
    }
    if ((e == 'x' || e == 'p' || e == 'P') && i + 2 < n && s.charAt(i + 2) == '{') {
      int end = s.indexOf('}', i + 3);
      return end < 0 ? n : end + 1;
    }
    return i + 2;
  }

  /** Index just past the character class starting at {@code i} (a bracket). */
  private static int classEnd(String s, int i) {
    int n = s.length();
    int j = i + 1;
    if (j < n && s.charAt(j) == '^') {
      j++;
    }
    if (j < n && s.charAt(j) == ']') {
      j++; // a leading ] is a literal
    }
    while (j < n) {
      char c = s.charAt(j);
      if (c == '\\') {
        j = escapeEnd(s, j);
      } else if (c == '[' && j + 1 < n && s.charAt(j + 1) == ':') {
        int end = s.indexOf(":]", j + 2);
        j = end < 0 ? j + 1 : end + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return n;
  }

  /**
   * Index just past a counted repeat {@code {n}}, {@code {n,}}, {@code {n,m}} at {@code i}, or i.
   */
  private static int repeatEnd(String s, int i) {
    int j = i + 1;
    int n = s.length();
    int digits = 0;
    boolean comma = false;
    while (j < n) {
      char c = s.charAt(j);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == ',' && !comma && digits > 0) {
        comma = true;
      } else if (c == '}' && digits > 0) {
        return j + 1;
      } else {
        return i;
      }
      j++;
    }
    return i;
  }

  /** The larger bound of a repeat's body ({@code n}, {@code n,} or {@code n,m}), plus one. */
  private static long repeatMax(String body) {
    long max = 0;
    for (String part : body.split(",", -1)) {
      if (!part.isEmpty()) {
        max = Math.max(max, part.length() > 7 ? 10_000_000 : Long.parseLong(part));
      }
    }
    return max + 1;
  }
}
